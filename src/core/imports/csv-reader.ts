// Streaming CSV reading for imports: sniff the first bytes (binary? empty? encoding? delimiter?),
// then decode and parse record by record with csv-parse. Memory stays flat: at most one sample
// and one record are held (MAX_ROW_BYTES bounds a record).
import { Readable } from 'node:stream';
import { Parser } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError, invalid } from '../errors.ts';
import { detectEncoding, hasUtf8Bom, type ImportEncoding } from './encoding.ts';
import { MAX_COLUMNS, MAX_ROW_BYTES, SNIFF_BYTES, SNIFF_LINES } from './limits.ts';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvLayout {
  encoding: ImportEncoding;
  delimiter: Delimiter;
  /** Column names; synthesised ('email', 'column2' …) when the file has no header row. */
  header: string[];
  hasHeader: boolean;
  /** The column whose first data row holds an address (a hint for the mapping), or null. */
  addressColumn: number | null;
}

/** Why a record could not be read as a row (a per-row reject, the file goes on). */
export type RecordProblem = 'ragged-row' | 'malformed-quoting';

export type CsvRecord =
  | { rowNumber: number; fields: string[]; problem?: undefined }
  | {
      rowNumber: number;
      fields: null;
      problem: RecordProblem;
      detail: string;
      /** What could be read of the record (its fields, or its raw text), to show the address it holds. */
      text: string[];
    };

export interface OpenCsvOptions {
  encoding?: ImportEncoding;
  delimiter?: Delimiter;
}

export interface OpenedCsv {
  layout: CsvLayout;
  /** Data records in file order, numbered from 1 (the header is not a row). */
  records: AsyncGenerator<CsvRecord, void, undefined>;
  /**
   * Stops reading: tears the parser down; `drain` reads the rest of the source and discards it
   * (an HTTP upload must be read to its end before the answer, or the connection stalls).
   */
  close(options?: { drain?: boolean }): Promise<void>;
}

type ByteSource = AsyncIterable<Uint8Array>;

/** Reads the first SNIFF_BYTES, checks and detects, then returns the layout and a record stream. */
export async function openCsv(source: ByteSource, options: OpenCsvOptions = {}): Promise<OpenedCsv> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    head.push(chunk);
    headBytes += chunk.length;
  }
  const sample = Buffer.concat(head);
  assertLooksLikeText(sample);
  const encoding = options.encoding ?? detectEncoding(sample, done);
  const sampleText = decodeSample(sample, encoding);
  if (sampleText.replace(/^\uFEFF/, '').trim() === '') throw invalid('IMPORT_EMPTY', 'The file is empty.');
  // Excel's "sep=;" first line names the delimiter and is not part of the data.
  const sepLine = SEP_LINE.exec(firstLine(sampleText));
  const hinted = sepLine && (DELIMITERS as readonly string[]).includes(sepLine[1]!) ? (sepLine[1] as Delimiter) : null;
  const body = hinted ? afterFirstLine(sampleText) : sampleText;
  const delimiter = options.delimiter ?? hinted ?? detectDelimiter(body);
  const firstLineColumns = countOutsideQuotes(firstLine(body), delimiter) + 1;
  if (firstLineColumns > MAX_COLUMNS) throw tooManyColumns(firstLineColumns);

  async function* replay(): AsyncGenerator<Buffer> {
    for (const c of head) yield c;
    while (!done) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        return;
      }
      yield Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    }
  }

  let lastSkippedLine = -1;
  const parser = new Parser({
    delimiter,
    bom: true,
    from_line: hinted ? 2 : 1,
    relax_column_count: true,
    // Excel writes a quote inside an unquoted field as is (`wants 12" and 15" sizes`,
    // `37°36'37.8"N`) and text after a closing quote stays in its field: a quote that does not
    // open a field is data (RFC 4180 §2.5 is stricter than real exports), so the record and its
    // row number stay whole.
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_ROW_BYTES,
    skip_records_with_error: true,
    raw: true,
    on_skip: (err) => {
      const e = err as { code?: string; lines?: number; raw?: string } | undefined;
      // A record too long or a quote never closed cannot be resynchronised (the parser would
      // swallow the rest of the file): the file fails there with its line.
      if (e?.code === 'CSV_MAX_RECORD_SIZE' || e?.code === 'CSV_QUOTE_NOT_CLOSED') throw err;
      // One record, one outcome: the parser may report several errors on one record.
      if (e?.lines === lastSkippedLine) return;
      lastSkippedLine = e?.lines ?? -1;
      parser.push({ skipped: true, message: err?.message ?? 'malformed record', raw: e?.raw ?? '' });
    },
  });
  const raw = Readable.from(replay(), { objectMode: false });
  raw.on('error', (e) => parser.destroy(e));
  const input: NodeJS.ReadableStream = encoding === 'utf-8' ? raw : raw.pipe(iconv.decodeStream(encoding, { stripBOM: true }));
  input.on('error', (e: Error) => parser.destroy(e));
  input.pipe(parser);

  const recordIterator = parser[Symbol.asyncIterator]() as AsyncIterator<ParsedRecord>;
  let closed = false;
  async function close(options: { drain?: boolean } = {}): Promise<void> {
    if (closed) return;
    closed = true;
    raw.destroy();
    parser.destroy();
    if (options.drain) {
      while (!done) {
        const next = await iterator.next();
        if (next.done) done = true;
      }
    } else {
      await iterator.return?.();
    }
  }
  const first = await nextRecord(recordIterator).catch(async (err: unknown) => {
    await close({ drain: false }).catch(() => {});
    throw err;
  });
  if (first === null) throw invalid('IMPORT_EMPTY', 'The file has no rows.');
  if ('skipped' in first) throw invalid('IMPORT_MALFORMED', `The header row is not valid CSV: ${first.message}`, { line: 1 });
  if (first.length > MAX_COLUMNS) throw tooManyColumns(first.length);
  const hasHeader = !first.some((f) => looksLikeAddress(f));
  const header = hasHeader ? first.map((h) => h.trim()) : first.map((_, i) => (i === 0 ? 'email' : `column${i + 1}`));
  if (!hasHeader && first.length > 1) {
    const at = first.findIndex((f) => looksLikeAddress(f));
    header[0] = 'column1';
    header[at] = 'email';
  }
  // The first data row shows which column holds addresses when the header names none we know.
  let peeked: { rec: ParsedRecordOrEnd } | null = null;
  if (hasHeader) {
    const rec = await nextRecord(recordIterator).catch(async (err: unknown) => {
      await close({ drain: false }).catch(() => {});
      throw err;
    });
    peeked = { rec };
  }
  const firstRow = hasHeader ? peeked?.rec : first;
  const addressAt = Array.isArray(firstRow) ? firstRow.findIndex((f) => looksLikeAddress(f)) : -1;
  const addressColumn = addressAt >= 0 && addressAt < header.length ? addressAt : null;
  const layout: CsvLayout = { encoding, delimiter, header, hasHeader, addressColumn };

  async function* records(): AsyncGenerator<CsvRecord, void, undefined> {
    let rowNumber = 0;
    const width = header.length;
    if (!hasHeader) {
      rowNumber++;
      yield { rowNumber, fields: first as string[] };
    }
    for (;;) {
      const rec = peeked ? peeked.rec : await nextRecord(recordIterator);
      peeked = null;
      if (rec === null) break;
      rowNumber++;
      if ('skipped' in rec) {
        yield { rowNumber, fields: null, problem: 'malformed-quoting', detail: rec.message, text: [rec.raw] };
        continue;
      }
      if (rec.length > MAX_COLUMNS) throw tooManyColumns(rec.length);
      let fields = rec;
      // Trailing empty cells beyond the header (spreadsheet exports add them) are not raggedness.
      if (fields.length > width && fields.slice(width).every((f) => f.trim() === '')) fields = fields.slice(0, width);
      if (fields.length !== width) {
        yield {
          rowNumber,
          fields: null,
          problem: 'ragged-row',
          detail: `${fields.length} fields where the header has ${width}`,
          text: fields,
        };
        continue;
      }
      yield { rowNumber, fields };
    }
    if (rowNumber === 0) throw invalid('IMPORT_NO_ROWS', 'The file has a header but no rows.');
  }
  return { layout, records: records(), close };
}

type ParsedRecord = string[] | { skipped: true; message: string; raw: string };
type ParsedRecordOrEnd = ParsedRecord | null;

async function nextRecord(
  it: AsyncIterator<ParsedRecord>,
): Promise<string[] | { skipped: true; message: string; raw: string } | null> {
  try {
    const n = await it.next();
    if (n.done) return null;
    // raw: true wraps each record as { record, raw }.
    const v = n.value as ParsedRecord | { record: string[]; raw: string };
    return 'record' in v ? v.record : v;
  } catch (err) {
    throw toImportError(err);
  }
}

function toImportError(err: unknown): Error {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; lines?: number; message?: string };
  if (e?.code === 'CSV_MAX_RECORD_SIZE') {
    return invalid(
      'IMPORT_ROW_TOO_LONG',
      `Line ${e.lines ?? '?'} is longer than ${MAX_ROW_BYTES} bytes (or a quote opened there is never closed).`,
      { line: e.lines ?? null, maxRowBytes: MAX_ROW_BYTES },
    );
  }
  if (e?.code?.startsWith('CSV_')) {
    return invalid('IMPORT_MALFORMED', `The file is not valid CSV near line ${e.lines ?? '?'}: ${e.message ?? e.code}`, {
      line: e.lines ?? null,
      csvCode: e.code,
    });
  }
  return err instanceof Error ? err : new Error(String(err));
}

function tooManyColumns(n: number): AppError {
  return invalid('IMPORT_TOO_MANY_COLUMNS', `The file has ${n} columns; at most ${MAX_COLUMNS} are accepted.`, {
    columns: n,
    maxColumns: MAX_COLUMNS,
  });
}

// Magic numbers of files people upload by mistake instead of a CSV export.
const MAGIC: Array<[number[], string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP or Excel (.xlsx) file'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel (.xls) file'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x1f, 0x8b], 'a gzip archive'],
];

/** Refuses binary content: a known magic number, or NUL bytes (text files never contain NUL). */
export function assertLooksLikeText(sample: Buffer): void {
  if (sample.length === 0 || (sample.length === 3 && hasUtf8Bom(sample))) throw invalid('IMPORT_EMPTY', 'The file is empty.');
  for (const [magic, what] of MAGIC) {
    if (magic.every((b, i) => sample[i] === b))
      throw invalid('IMPORT_NOT_CSV', `This looks like ${what}, not a CSV file; export it as CSV first.`);
  }
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (!utf16 && sample.includes(0))
    throw invalid('IMPORT_NOT_CSV', 'The file contains binary data (NUL bytes); it is not a CSV text file.');
}

function decodeSample(sample: Buffer, encoding: ImportEncoding): string {
  return encoding === 'utf-8' ? sample.toString('utf8') : iconv.decode(sample, encoding);
}

const SEP_LINE = /^sep=(.)\s*$/i;

function afterFirstLine(text: string): string {
  const body = text.replace(/^\uFEFF/, '');
  const m = /\r\n|\n|\r/.exec(body);
  return m ? body.slice(m.index + m[0].length) : '';
}

function firstLine(text: string): string {
  const body = text.replace(/^\uFEFF/, '');
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return body.slice(0, i);
  }
  return body;
}

/** Counts a character outside double-quoted sections of one line. */
export function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ch) n++;
  }
  return n;
}

/**
 * Chooses among , ; tab | the delimiter whose count is the same, and non-zero, on the most of
 * the first SNIFF_LINES lines; ties go to the larger count, then to the order above.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '');
  // The last line of a truncated sample may be cut short: leave it out when there are others.
  const sample = (lines.length > 1 ? lines.slice(0, -1) : lines).slice(0, SNIFF_LINES);
  let best: Delimiter = ',';
  let bestScore = -1;
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const counts = sample.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const score = counts.filter((c) => c === first).length;
    if (score > bestScore || (score === bestScore && first > bestCount)) {
      best = d;
      bestScore = score;
      bestCount = first;
    }
  }
  return best;
}

/** A field that holds an address: bare, or inside "Name <address>", mailto: or markup (a header never does). */
function looksLikeAddress(field: string): boolean {
  return /(?:^|[\s<:"'(])[^@\s<>"'():,;]+@[^@\s<>"'():,;]+\.[^@\s<>"'():,;.]{2,}(?:$|[\s>"')?])/.test(field.trim());
}
