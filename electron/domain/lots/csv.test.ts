import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('CSV import text', () => {
  it('reads comma, semicolon and tab files with quotes, BOM and CRLF', () => {
    const r = parseCsv('\uFEFFLot,Attribute,"Value, as read"\r\nEV-1,Endotoxin,"0,1"\r\n\r\nEV-2,"Say ""hi""",2\r\n');
    expect(r).toEqual({
      ok: true,
      table: { delimiter: ',', header: ['Lot', 'Attribute', 'Value, as read'], rows: [{ line: 2, cells: ['EV-1', 'Endotoxin', '0,1'] }, { line: 4, cells: ['EV-2', 'Say "hi"', '2'] }] },
    });
    expect(parseCsv('Lot;Value\nEV-1;0,5')).toMatchObject({ ok: true, table: { delimiter: ';', rows: [{ cells: ['EV-1', '0,5'] }] } });
    expect(parseCsv('Lot\tValue\nEV-1\t3')).toMatchObject({ ok: true, table: { delimiter: '\t' } });
  });

  it('refuses the wrong encoding, a missing delimiter and ragged lines, naming the line', () => {
    expect(parseCsv('Lot,Value\nEV-\uFFFD,1')).toMatchObject({ ok: false, line: 2, message: expect.stringMatching(/not UTF-8/) });
    expect(parseCsv('L\u0000o\u0000t\u0000')).toMatchObject({ ok: false, line: 1, message: expect.stringMatching(/UTF-16/) });
    expect(parseCsv('Lot|Value\nEV-1|2')).toMatchObject({ ok: false, line: 1, message: expect.stringMatching(/only one column/) });
    expect(parseCsv('Lot,Value\nEV-1,2\nEV-2;3')).toMatchObject({ ok: false, line: 3, message: expect.stringMatching(/1 fields where the header has 2/) });
    expect(parseCsv('Lot,Value\nEV-1,"2')).toMatchObject({ ok: false, line: 2, message: expect.stringMatching(/not closed/) });
    expect(parseCsv('')).toMatchObject({ ok: false, message: 'the file is empty' });
  });
});
