import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeWriteError, FILE_SUFFIXES, writeFileAtomic } from '../services/files';
import { DatabaseOpenError } from '../../db';
import {
  CHANNELS,
  CLOCK_EVENT_IDS,
  contract,
  IsoDate,
  MEETING_TYPE_IDS,
  type AuditItem,
  type ChannelInput,
  type ChannelOutput,
  type Result,
} from '../contract';
import { createBackend, restoreOverDamaged, type Backend } from '../rpc/backend';
import { AppError } from '../services/errors';
import { createDispatcher, type Dispatch } from '../rpc/dispatch';
import { resolveDataDir } from '../rpc/paths';
import type { ServiceContext } from '../services/context';

const HELP = `Usage: npm run -s cli -- [--data-dir DIR] <command>

Commands:
  channels                      list the channels of the contract
  call <channel> '<json>'       call a channel; prints the Result as JSON, exits 1 on an error
  load-examples                 load the example portfolio
  products                      print the products (id, code, name, stage) as a JSON array
  audit [--product <id|code>] [--from YYYY-MM-DD --to YYYY-MM-DD] [--limit N]
                                print the audit trail in words, newest first, as the Audit page
                                shows it (a change set with its changes indented under it)
  backup                        back up the data file now (verified copy in <data dir>/backups)
  backups                       list the backups, newest first
  restore <name>                restore a backup (the current data is saved first, so it can be undone)
  export <ind-checklist|plan|audit|planning> --product <id|code> --out FILE.docx|FILE.xlsx|FILE.csv
         [--format docx|xlsx|csv] [--paper letter|a4] [--group-by section|module] [--from YYYY-MM-DD --to YYYY-MM-DD]
         [--checklists ind,cmc,preclinical,pre-ind-meeting,clinical,custom]
                                write a Word export (IND checklist, regulatory plan and status
                                report, audit extract, planning session summary), or the checklists,
                                plan or audit extract as a spreadsheet (format from --format or the
                                file's extension); nothing is left behind on failure.
                                --checklists: which checklists the IND checklist lists item by item
                                (comma-separated; default ind)
  export certificate --product <id|code> --lot <lot number> --out FILE.docx [--paper letter|a4]
  export batch-analysis --product <id|code> --out FILE.docx|FILE.xlsx|FILE.csv [--paper letter|a4]
                                a lot's certificate of analysis; the batch analyses report (3.2.S.4.4 / 3.2.P.5.4)
  export-bundle --product <id|code> --out FILE
                                write one product (profile, pathway, clocks, checklists, audit) to a
                                sharing bundle for a colleague
  import-bundle FILE [--as-copy | --replace] [--trust-file "<why you trust an unsigned or unknown-signer bundle>"]
                                import a bundle; if the product exists here, choose a copy or replace
  verify-signatures [--product <id|code>]
                                check every electronic signature against its record and the
                                installation key; lists failures with reasons, exits 1 if any fail
  clocks <event> <YYYY-MM-DD> [--meeting-type TYPE] [--meeting-date YYYY-MM-DD] [--receipt-time HH:MM]
                                print the deadlines that follow the event as a JSON array of
                                {rule, label, date, citation}: date is YYYY-MM-DD, a {from, to}
                                window, or null; unconfirmed rules say "unconfirmed": true.
                                Rows come in date order. A receipt on a weekend, a US federal
                                holiday or after 4:30 pm Eastern adds a "receipt.next-business-day"
                                row (unconfirmed) with the date FDA would generally assign.
                                Needs no data file.
                                events: ${CLOCK_EVENT_IDS.join(', ')}
                                --meeting-type (for meeting-request-received): ${MEETING_TYPE_IDS.join(', ')}
                                --meeting-date: the scheduled meeting, if known (refused when it
                                leaves no time for the briefing package after the request)
                                --receipt-time: Eastern time FDA received it, 24-hour HH:MM

--data-dir DIR (or RPT_DATA_DIR) chooses the data folder; default: the OS user-data folder.

Examples:
  npm run -s cli -- clocks ind-received 2026-03-02
  npm run -s cli -- clocks meeting-request-received 2026-03-02 --meeting-type B`;

/** A product named by id or by code, as the user typed it. */
async function resolveProduct(backend: Backend, ref: string): Promise<string> {
  const result = await backend.dispatch('products.list', { includeArchived: true });
  if (!result.ok) throw new Error(result.error.message);
  const products = result.value as Array<{ id: string; code: string }>;
  const match = products.find((p) => p.id === ref || p.code.toUpperCase() === ref.toUpperCase());
  if (!match) throw new UsageError(`No product with id or code "${ref}". Run "products" to list them.`);
  return match.id;
}

/** `export certificate|batch-analysis`: the lot register's Word exports, written atomically. */
async function lotExport(backend: Backend, kind: 'certificate' | 'batch-analysis', productId: string, values: { lot?: string; out?: string; paper?: string; format?: string }): Promise<Result<unknown>> {
  const outPath = path.resolve(values.out!);
  const paper = values.paper === 'a4' ? 'a4' : 'letter';
  // The batch analyses as Word, or their lots × attributes table as .xlsx/.csv (--format, or the file's extension).
  const format = values.format ?? (/\.(xlsx|csv)$/i.test(outPath) ? outPath.slice(outPath.lastIndexOf('.') + 1).toLowerCase() : 'docx');
  if (kind === 'batch-analysis') return backend.dispatch('lots.saveBatchAnalysis', { productId, outPath, paper, format } as ChannelInput<'lots.saveBatchAnalysis'>);
  if (!values.lot) throw new UsageError('"export certificate" needs --lot <lot number> as well as --product and --out.');
  const lots = await backend.dispatch('lots.list', { productId });
  if (!lots.ok) return lots;
  const lot = (lots.value as { lots: Array<{ id: string; lotNumber: string }> }).lots.find((l) => l.lotNumber.toUpperCase() === values.lot!.toUpperCase());
  if (!lot) throw new UsageError(`No lot "${values.lot}" for this product. Its lots: ${(lots.value as { lots: Array<{ lotNumber: string }> }).lots.map((l) => l.lotNumber).join(', ') || 'none'}.`);
  return backend.dispatch('lots.saveCertificate', { lotId: lot.id, outPath, paper });
}

/** The trail as lines of words: when, product, who, what changed, and why. */
function auditLines(items: readonly AuditItem[]): string[] {
  const when = (at: string) => `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;
  const why = (reason: string | null) => (reason ? `  (reason: ${reason})` : '');
  return items.flatMap((item) => {
    if (item.kind === 'entry') {
      const e = item.entry;
      return [`${when(e.at)}  ${e.productCode ?? '—'}  ${e.actor}  ${e.record} ${e.change}${why(e.reason)}`];
    }
    const c = item.changeSet;
    return [`${when(c.at)}  ${c.productCode ?? '—'}  ${c.actor}  ${c.summary}${why(c.reason)}`, ...c.members.map((e) => `    ${e.record} ${e.change}${e.reason && e.reason !== c.reason ? why(e.reason) : ''}`)];
  });
}

/** Exit codes: 0 success, 1 the call returned an error, 2 the command line was wrong. */
class UsageError extends Error {}

function print(value: unknown) {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Prints a Result; exit code 0 when ok, 1 when the call returned an error. */
function report(result: Result<unknown>): number {
  print(result);
  return result.ok ? 0 : 1;
}

/**
 * A context for channels that compute without data (clocks.calculate): the same dispatcher as
 * every other command, but no data file is opened or created. A handler that reached for the
 * data anyway fails loudly (INTERNAL) instead of quietly creating tracker.sqlite.
 */
function dataFreeDispatcher(): Dispatch {
  const ctx = new Proxy({} as ServiceContext, {
    get(_target, property) {
      throw new Error(`This command works without a data file, but its handler asked for ctx.${String(property)}.`);
    },
  });
  return createDispatcher(ctx);
}

function checkDate(value: string, what: string): string {
  const parsed = IsoDate.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]?.message ?? '';
  throw new UsageError(
    issue.includes('YYYY-MM-DD') || issue === ''
      ? `${what} "${value}" is not in the form YYYY-MM-DD (e.g. 2026-03-02).`
      : `${what} "${value}" is not a valid date: ${issue}.`,
  );
}

/** `clocks <event> <date> [--meeting-type T] [--meeting-date D]` as the input of clocks.calculate. */
function clocksInput(rest: string[], options: { meetingType?: string; meetingDate?: string; receiptTime?: string }): ChannelInput<'clocks.calculate'> {
  const [event, date, ...extra] = rest;
  const valid = `Valid events: ${CLOCK_EVENT_IDS.join(', ')}.`;
  if (!event || !date) throw new UsageError(`"clocks" needs an event and a date: clocks <event> <YYYY-MM-DD>. ${valid}`);
  if (extra.length > 0) throw new UsageError(`"clocks" takes an event and a date; unexpected: ${extra.join(' ')}`);
  if (!(CLOCK_EVENT_IDS as readonly string[]).includes(event)) throw new UsageError(`Unknown event "${event}". ${valid}`);
  const input: ChannelInput<'clocks.calculate'> = { event: event as (typeof CLOCK_EVENT_IDS)[number], date: checkDate(date, 'The date') };
  if (options.meetingType !== undefined) {
    if (!(MEETING_TYPE_IDS as readonly string[]).includes(options.meetingType)) {
      throw new UsageError(`Unknown meeting type "${options.meetingType}". Valid meeting types: ${MEETING_TYPE_IDS.join(', ')}.`);
    }
    input.meetingType = options.meetingType as (typeof MEETING_TYPE_IDS)[number];
  }
  if (options.meetingDate !== undefined) input.meetingDate = checkDate(options.meetingDate, 'The meeting date');
  if (options.receiptTime !== undefined) input.receiptTime = options.receiptTime;
  return input;
}

/** The command-line spelling of clocks.calculate input fields, for error messages. */
const CLOCKS_FLAGS: Record<string, string> = { meetingType: '--meeting-type', meetingDate: '--meeting-date', receiptTime: '--receipt-time' };

/** One deadline as the CLI prints it: a date, a {from, to} window, or null when there is none. */
function deadlineLine(d: ChannelOutput<'clocks.calculate'>[number]) {
  return {
    rule: d.rule,
    label: d.label,
    date: d.window ?? d.date ?? null,
    citation: d.citation,
    ...(d.unconfirmed ? { unconfirmed: true } : {}),
    ...(d.note !== undefined ? { note: d.note } : {}),
  };
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      'meeting-type': { type: 'string' },
      'meeting-date': { type: 'string' },
      'receipt-time': { type: 'string' },
      product: { type: 'string' },
      out: { type: 'string' },
      lot: { type: 'string' },
      paper: { type: 'string' },
      'group-by': { type: 'string' },
      checklists: { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string' },
      'as-copy': { type: 'boolean', default: false },
      replace: { type: 'boolean', default: false },
      'trust-file': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
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
  if (command !== 'clocks' && (values['meeting-type'] !== undefined || values['meeting-date'] !== undefined || values['receipt-time'] !== undefined)) {
    throw new UsageError(`--meeting-type, --meeting-date and --receipt-time belong to the "clocks" command.`);
  }
  if (command === 'clocks') {
    const input = clocksInput(rest, { meetingType: values['meeting-type'], meetingDate: values['meeting-date'], receiptTime: values['receipt-time'] });
    const result = await dataFreeDispatcher()('clocks.calculate', input);
    if (!result.ok) {
      // Every input came from the command line, so a refusal is a command-line error.
      if (result.error.code === 'VALIDATION') {
        const issues = result.error.issues ?? [];
        throw new UsageError(
          issues.length === 0 ? result.error.message : issues.map((i) => `${CLOCKS_FLAGS[i.path] ?? i.path}: ${i.message}`).join('\n'),
        );
      }
      return report(result);
    }
    print((result.value as ChannelOutput<'clocks.calculate'>).map(deadlineLine));
    return 0;
  }

  let backend: Backend | undefined;
  const open = () => (backend ??= createBackend({ dataDir: resolveDataDir(values['data-dir']), frontDoor: 'cli' }));
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
      case 'backup':
        return report(await open().dispatch('backups.create', {}));
      case 'backups':
        return report(await open().dispatch('backups.list', {}));
      case 'export': {
        const [kind] = rest;
        if (!kind || !values.product || !values.out) {
          throw new UsageError('"export" needs a kind, --product and --out: export <ind-checklist|plan|audit|planning> --product <id or code> --out FILE.docx|.xlsx|.csv [--format docx|xlsx|csv] [--paper letter|a4] [--group-by section|module] [--from YYYY-MM-DD --to YYYY-MM-DD]');
        }
        const productId = await resolveProduct(open(), values.product);
        if (kind === 'certificate' || kind === 'batch-analysis') return report(await lotExport(open(), kind, productId, values));
        const result = await open().dispatch('exports.save', {
          kind,
          productId,
          outPath: path.resolve(values.out),
          // --format, or the output file's extension (.xlsx, .csv); Word otherwise.
          ...(values.format ? { format: values.format } : /\.(xlsx|csv)$/i.test(values.out) ? { format: values.out.slice(values.out.lastIndexOf('.') + 1).toLowerCase() } : {}),
          ...(values.paper ? { paper: values.paper } : {}),
          ...(values['group-by'] ? { groupBy: values['group-by'] } : {}),
          ...(values.checklists ? { checklists: values.checklists.split(',').map((k) => k.trim()).filter(Boolean) } : {}),
          ...(values.from ? { from: values.from } : {}),
          ...(values.to ? { to: values.to } : {}),
        });
        if (!result.ok && result.error.code === 'VALIDATION') {
          console.error(result.error.message);
          return 2;
        }
        return report(result);
      }
      case 'export-bundle': {
        if (!values.product || !values.out) throw new UsageError('"export-bundle" needs --product <id or code> and --out FILE.rptbundle.');
        const productId = await resolveProduct(open(), values.product);
        const result = await open().dispatch('bundles.export', { productId });
        if (!result.ok) return report(result);
        try {
          print({ ok: true, value: writeFileAtomic(values.out, (result.value as { content: string }).content, FILE_SUFFIXES.bundle) });
          return 0;
        } catch (error) {
          console.error(describeWriteError(error, values.out));
          return 1;
        }
      }
      case 'import-bundle': {
        const [file] = rest;
        if (!file) throw new UsageError('"import-bundle" needs the bundle file: import-bundle FILE [--as-copy | --replace].');
        if (values['as-copy'] && values.replace) throw new UsageError('Choose one of --as-copy and --replace.');
        if (!fs.existsSync(file)) throw new UsageError(`There is no file ${file}.`);
        const mode = values['as-copy'] ? 'copy' : values.replace ? 'replace' : undefined;
        const trust = values['trust-file'] === undefined ? undefined : { reason: values['trust-file'] };
        return report(await open().dispatch('bundles.import', { fileName: path.basename(file), content: fs.readFileSync(file, 'utf8'), mode, trust }));
      }
      case 'restore': {
        const [name] = rest;
        if (!name) throw new UsageError('"restore" needs the name of a backup. Run "backups" to list them.');
        try {
          open();
        } catch (error) {
          // The start-up check refused the data file: restore over it without opening it.
          if (!(error instanceof DatabaseOpenError && error.kind === 'corrupt')) throw error;
          try {
            print({ ok: true, value: restoreOverDamaged({ dataDir: resolveDataDir(values['data-dir']), name }) });
            return 0;
          } catch (failure) {
            if (failure instanceof AppError) return report({ ok: false, error: { code: failure.code, message: failure.message } });
            throw failure;
          }
        }
        return report(await open().dispatch('backups.restore', { name }));
      }
      case 'audit': {
        const productId = values.product ? await resolveProduct(open(), values.product) : undefined;
        const result = await open().dispatch('audit.list', {
          ...(productId ? { productId } : {}),
          ...(values.from ? { from: values.from } : {}),
          ...(values.to ? { to: values.to } : {}),
          ...(values.limit ? { limit: Number(values.limit) } : {}),
        });
        if (!result.ok) return report(result);
        process.stdout.write(auditLines(result.value as AuditItem[]).join('\n') + '\n');
        return 0;
      }
      case 'verify-signatures': {
        const productId = values.product ? await resolveProduct(open(), values.product) : undefined;
        const result = await open().dispatch('signatures.verify', productId ? { productId } : {});
        if (!result.ok) return report(result);
        const verified = result.value as ChannelOutput<'signatures.verify'>;
        const lines = [`${verified.checked} signature(s) checked: ${verified.valid} valid, ${verified.superseded} superseded, ${verified.failures.length} failing.`];
        for (const f of verified.failures) lines.push(`FAIL  ${f.record}  ${f.manifestation}`, ...f.problems.map((p) => `      - ${p}`));
        for (const s of verified.signatures.filter((x) => x.state === 'superseded')) lines.push(`SUPERSEDED  ${s.record}  ${s.manifestation}`);
        process.stdout.write(lines.join('\n') + '\n');
        return verified.failures.length > 0 ? 1 : 0;
      }
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

// A reader that stops early (| head) is not an error of this command.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

run(process.argv.slice(2)).then(
  // exitCode, not exit(): a large answer piped to another program must be written out completely first.
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    if (error instanceof DatabaseOpenError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
