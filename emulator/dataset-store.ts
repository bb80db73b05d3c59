import type { Dataset, DatasetFields } from '../shared/contract/dataset';
import { ifMatchAllows } from './if-match';
import type { IfMatch } from './if-match';
import { SortedNames } from './sorted-names';
import { newETag, nextUpdatedDateTime } from './versioning';

export type RegisterOutcome = { ok: true; dataset: Dataset } | { ok: false; reason: 'exists' };
export type UpdateOutcome =
  { ok: true; dataset: Dataset } | { ok: false; reason: 'not-found' | 'precondition-failed' };
export type UnregisterOutcome =
  { ok: true } | { ok: false; reason: 'not-found' | 'precondition-failed' };

export interface DatasetPage {
  datasets: Dataset[];
  hasMore: boolean;
}

/**
 * The registered datasets. Every method is synchronous on purpose: the If-Match check and the
 * write happen in one turn of the event loop, so concurrent requests cannot interleave between
 * them (compare-and-set without locks). Stored datasets are never mutated, only replaced, so a
 * snapshot being written to disk cannot change under the writer.
 */
export class DatasetStore {
  private readonly byName = new Map<string, Dataset>();
  private readonly order: SortedNames;
  private readonly now: () => number;

  constructor(initial: readonly Dataset[] = [], now: () => number = Date.now) {
    for (const dataset of initial) this.byName.set(dataset.name, dataset);
    this.order = new SortedNames(this.byName.keys());
    this.now = now;
  }

  get size(): number {
    return this.byName.size;
  }

  get(name: string): Dataset | undefined {
    return this.byName.get(name);
  }

  register(name: string, fields: DatasetFields): RegisterOutcome {
    if (this.byName.has(name)) return { ok: false, reason: 'exists' };
    const createdDateTime = new Date(this.now()).toISOString();
    const dataset = composeDataset(name, fields, {
      createdDateTime,
      updatedDateTime: createdDateTime,
      eTag: newETag(),
    });
    this.put(dataset);
    return { ok: true, dataset };
  }

  /** Replaces each top-level property present in `changes` whole; the others stay as they are. */
  update(name: string, changes: Partial<DatasetFields>, ifMatch: IfMatch): UpdateOutcome {
    const current = this.byName.get(name);
    if (!current) return { ok: false, reason: 'not-found' };
    if (!ifMatchAllows(ifMatch, current.eTag)) return { ok: false, reason: 'precondition-failed' };
    const fields: DatasetFields = {
      annotationKind: changes.annotationKind ?? current.annotationKind,
      annotationFileUris: changes.annotationFileUris ?? current.annotationFileUris,
      authentication: changes.authentication ?? current.authentication,
      customProperties: changes.customProperties ?? current.customProperties,
    };
    const dataset = composeDataset(name, fields, {
      createdDateTime: current.createdDateTime,
      updatedDateTime: nextUpdatedDateTime(current.updatedDateTime, this.now()),
      eTag: newETag(current.eTag),
    });
    this.put(dataset);
    return { ok: true, dataset };
  }

  unregister(name: string, ifMatch: IfMatch): UnregisterOutcome {
    const current = this.byName.get(name);
    if (!current) return { ok: false, reason: 'not-found' };
    if (!ifMatchAllows(ifMatch, current.eTag)) return { ok: false, reason: 'precondition-failed' };
    this.byName.delete(name);
    this.order.remove(name);
    return { ok: true };
  }

  /** Adds a complete dataset unless the name is taken; returns whether it was added. */
  addIfAbsent(dataset: Dataset): boolean {
    if (this.byName.has(dataset.name)) return false;
    this.put(dataset);
    return true;
  }

  page(skip: number, top: number): DatasetPage {
    const names = this.order.slice(skip, skip + top);
    return {
      datasets: names.map((name) => this.byName.get(name)!),
      hasMore: skip + top < this.order.length,
    };
  }

  /** Every dataset in list order, for the data file. */
  snapshot(): Dataset[] {
    return this.order.all().map((name) => this.byName.get(name)!);
  }

  private put(dataset: Dataset): void {
    this.byName.set(dataset.name, dataset);
    this.order.insert(dataset.name);
  }
}

interface Versioning {
  createdDateTime: string;
  updatedDateTime: string;
  eTag: string;
}

/** Builds a fresh dataset in the property order the contract's examples use, copying nested values. */
export function composeDataset(
  name: string,
  fields: DatasetFields,
  versioning: Versioning,
): Dataset {
  return {
    name,
    annotationKind: fields.annotationKind,
    annotationFileUris: [...fields.annotationFileUris],
    ...(fields.authentication ? { authentication: { ...fields.authentication } } : {}),
    ...(fields.customProperties ? { customProperties: { ...fields.customProperties } } : {}),
    createdDateTime: versioning.createdDateTime,
    updatedDateTime: versioning.updatedDateTime,
    eTag: versioning.eTag,
  };
}
