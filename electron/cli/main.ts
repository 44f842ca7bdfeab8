import { parseArgs } from 'node:util';
import { DatabaseOpenError } from '../../db';
import { CHANNELS, contract, type Result } from '../contract';
import { createBackend, type Backend } from '../rpc/backend';
import { resolveDataDir } from '../rpc/paths';

const HELP = `Usage: npm run -s cli -- [--data-dir DIR] <command>

Commands:
  channels                      list the channels of the contract
  call <channel> '<json>'       call a channel; prints the Result as JSON, exits 1 on an error
  load-examples                 load the example portfolio
  products                      print the products (id, code, name, stage) as a JSON array

--data-dir DIR (or RPT_DATA_DIR) chooses the data folder; default: the OS user-data folder.`;

/** Exit codes: 0 success, 1 the call returned an error, 2 the command line was wrong. */
class UsageError extends Error {}

function print(value: unknown) {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  if (command === 'channels') {
    print(CHANNELS.map((name) => ({ name, summary: contract[name].summary })));
    return 0;
  }

  let backend: Backend | undefined;
  const open = () => (backend ??= createBackend({ dataDir: resolveDataDir(values['data-dir']), frontDoor: 'cli' }));
  const report = (result: Result<unknown>) => {
    print(result);
    return result.ok ? 0 : 1;
  };
  try {
    switch (command) {
      case 'call': {
        const [channel, json = '{}'] = rest;
        if (!channel) throw new UsageError(`"call" needs a channel name. Run "channels" to list them.`);
        let input: unknown;
        try {
          input = JSON.parse(json);
        } catch {
          throw new UsageError(`The input is not valid JSON: ${json.slice(0, 200)}`);
        }
        return report(await open().dispatch(channel, input));
      }
      case 'load-examples':
        return report(await open().dispatch('examples.load', {}));
      case 'products': {
        const result = await open().dispatch('products.list', { includeArchived: true });
        if (!result.ok) return report(result);
        const products = result.value as Array<{ id: string; code: string; name: string; stage: string }>;
        print(products.map(({ id, code, name, stage }) => ({ id, code, name, stage })));
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}".\n\n${HELP}`);
    }
  } finally {
    backend?.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(error.message);
      process.exit(2);
    }
    if (error instanceof DatabaseOpenError) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  },
);
