import type { CsvRow, DatasetName } from '../../engine/visma/datasets';
import { CONTACT_COLUMNS, DATASET_COLUMNS } from './columns';
import { columnsOf, writeCsvFiles } from './csv-writer';

/** The data served, with a version that changes whenever it is replaced. */
export interface DataSnapshot {
  readonly version: number;
  readonly data: Readonly<Record<DatasetName, readonly CsvRow[]>>;
}

/** What one export job writes: which rows, which columns, over how many files. */
export interface ExportShape {
  readonly snapshot: DataSnapshot;
  readonly dataset: DatasetName;
  readonly columns: readonly string[];
  readonly fileCount: number;
}

/** The parsed `fields` query parameter of a command (reference 2.5). */
export type FieldSelection =
  | { readonly mode: 'all' }
  | { readonly mode: 'exclude'; readonly names: ReadonlySet<string> }
  | { readonly mode: 'include'; readonly names: ReadonlySet<string> };

/** `!a,b` excludes a and b; `a,b` keeps only a and b; absent or empty keeps everything. */
export function parseFields(value: string | null): FieldSelection {
  if (value === null || value.trim() === '' || value.trim() === '!') return { mode: 'all' };
  const exclude = value.startsWith('!');
  const names = new Set(
    (exclude ? value.slice(1) : value).split(',').map((name) => name.trim().toLowerCase()).filter((name) => name !== ''),
  );
  return exclude ? { mode: 'exclude', names } : { mode: 'include', names };
}

/** Inputs that decide the columns of one export. */
export interface ColumnChoice {
  readonly fields: FieldSelection;
  /** The token carries the contact-information scope, which unlocks the contact columns. */
  readonly contactInformation: boolean;
  /** Columns a fault drops. */
  readonly dropped: readonly string[];
}

/**
 * Builds export files lazily and keeps one copy of each per data version: the text is made on the
 * first download of a job and shared by every later job with the same shape. Replacing the data
 * drops the copies; a job started on older data still gets its own rows, built without caching.
 */
export class ExportFiles {
  #snapshot: DataSnapshot;
  readonly #files = new Map<string, readonly Buffer[]>();
  readonly #baseColumns = new Map<DatasetName, readonly string[]>();

  constructor(data: DataSnapshot['data']) {
    this.#snapshot = { version: 1, data };
  }

  /** The data now served. */
  get snapshot(): DataSnapshot {
    return this.#snapshot;
  }

  /** Replaces the data served and forgets every file built from the old data. */
  setData(data: DataSnapshot['data']): void {
    this.#snapshot = { version: this.#snapshot.version + 1, data };
    this.#files.clear();
    this.#baseColumns.clear();
  }

  /** The columns an export of `dataset` has under `choice`, in header order. */
  columns(dataset: DatasetName, choice: ColumnChoice): readonly string[] {
    const base = this.#columnsOfData(dataset);
    const dropped = new Set(choice.dropped.map((name) => name.toLowerCase()));
    if (dataset === 'employees' && !choice.contactInformation) {
      for (const column of CONTACT_COLUMNS) dropped.add(column);
    }
    const { fields } = choice;
    return base.filter((column) => {
      const name = column.toLowerCase();
      if (dropped.has(name)) return false;
      switch (fields.mode) {
        case 'all': return true;
        case 'exclude': return !fields.names.has(name);
        case 'include': return fields.names.has(name);
      }
    });
  }

  /** The files of an export, built on first use. */
  files(shape: ExportShape): readonly Buffer[] {
    const current = shape.snapshot === this.#snapshot;
    const key = `${shape.dataset}\n${shape.fileCount}\n${shape.columns.join(',')}`;
    const cached = current ? this.#files.get(key) : undefined;
    if (cached !== undefined) return cached;
    const rows = shape.snapshot.data[shape.dataset] ?? [];
    const files = writeCsvFiles(rows, shape.columns, shape.fileCount).map((text) => Buffer.from(text, 'utf8'));
    if (current) this.#files.set(key, files);
    return files;
  }

  #columnsOfData(dataset: DatasetName): readonly string[] {
    let columns = this.#baseColumns.get(dataset);
    if (columns === undefined) {
      columns = columnsOf(this.#snapshot.data[dataset] ?? [], DATASET_COLUMNS[dataset]);
      this.#baseColumns.set(dataset, columns);
    }
    return columns;
  }
}
