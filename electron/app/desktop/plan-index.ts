import type { ActionDto, ActionFiltersDto, ActionPageDto } from '../../shared/dto';

/**
 * The current plan's actions as the Preview table reads them: filtered, searched and paged here, next
 * to the plan, so the screen never receives (nor parses, nor filters) 35,000 actions at once. Built once
 * per plan: the lower-case search keys, and for every value of each filter (target, action, org unit,
 * status) the positions of its actions in plan order. A filter starts from the shortest of those lists
 * instead of the whole plan, and the answers of the last few filters are kept, as the table asks page
 * after page of one filter and the admin goes back and forth between a few.
 */

/** What the search box matches: the person's name, the account name and the person id, lower case. */
export function searchText(action: ActionDto): string {
  return `${action.personName} ${action.account.name} ${action.personId ?? ''}`.toLowerCase();
}

/** The filters that pick one value of a field. */
type Field = 'target' | 'action' | 'orgUnit' | 'status';
const FIELDS: readonly Field[] = ['target', 'action', 'orgUnit', 'status'];

function fieldValue(action: ActionDto, field: Field): string {
  switch (field) {
    case 'target': return action.target;
    case 'action': return action.action;
    case 'orgUnit': return action.orgUnit;
    case 'status': return action.held ? 'held' : 'ready';
    default: return field satisfies never;
  }
}

function filtersKey(filters: ActionFiltersDto): string {
  return JSON.stringify([filters.target, filters.action, filters.orgUnit, filters.status, filters.search.trim().toLowerCase()]);
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].filter((v) => v !== '').sort((a, b) => a.localeCompare(b));
}

/** The positions of the actions per value of `field`, each list in plan order. */
function postingsOf(actions: readonly ActionDto[], field: Field): ReadonlyMap<string, readonly number[]> {
  const lists = new Map<string, number[]>();
  actions.forEach((action, position) => {
    const value = fieldValue(action, field);
    const list = lists.get(value);
    if (list) list.push(position);
    else lists.set(value, [position]);
  });
  return lists;
}

/** How many filters' answers are kept. */
const KEPT_ANSWERS = 8;
const NONE: readonly number[] = [];

/** One plan's actions, indexed for the Preview table. */
export class PlanIndex {
  private readonly texts: readonly string[];
  private readonly postings: ReadonlyMap<Field, ReadonlyMap<string, readonly number[]>>;
  private readonly all: readonly number[];
  /** Positions of the matching actions per filter key, least recently used first. */
  private readonly answers = new Map<string, readonly number[]>();
  private values: ReturnType<PlanIndex['options']> | null = null;

  constructor(readonly planId: string, readonly actions: readonly ActionDto[]) {
    this.texts = actions.map(searchText);
    this.postings = new Map(FIELDS.map((field) => [field, postingsOf(actions, field)]));
    this.all = actions.map((_, position) => position);
  }

  /** The targets, action kinds and org units in the plan, for the filters. */
  options(): { readonly targets: readonly string[]; readonly actions: readonly string[]; readonly orgUnits: readonly string[] } {
    this.values ??= {
      targets: unique(this.postings.get('target')?.keys() ?? []),
      actions: unique(this.postings.get('action')?.keys() ?? []),
      orgUnits: unique(this.postings.get('orgUnit')?.keys() ?? []),
    };
    return this.values;
  }

  /** The positions of the actions passing the filters, in plan order. */
  private positions(filters: ActionFiltersDto): readonly number[] {
    const key = filtersKey(filters);
    const kept = this.answers.get(key);
    this.answers.delete(key);
    const answer = kept ?? this.compute(filters);
    this.answers.set(key, answer);
    if (this.answers.size > KEPT_ANSWERS) this.answers.delete(this.answers.keys().next().value as string);
    return answer;
  }

  private compute(filters: ActionFiltersDto): readonly number[] {
    const chosen = FIELDS.filter((field) => filters[field] !== '');
    const lists = chosen.map((field) => this.postings.get(field)?.get(filters[field]) ?? NONE);
    // The shortest list of a chosen value is where the answer starts; the other filters check each of its actions.
    const start = lists.reduce((shortest, list) => (list.length < shortest.length ? list : shortest), this.all);
    const search = filters.search.trim().toLowerCase();
    if (search === '' && chosen.length <= 1) return start;
    // A plain loop: this runs cold, on the admin's first keystroke, over up to the whole plan.
    const matching: number[] = [];
    for (const position of start) {
      if (search !== '' && !(this.texts[position] as string).includes(search)) continue;
      if (chosen.length > 1 && !this.passes(this.actions[position] as ActionDto, chosen, filters)) continue;
      matching.push(position);
    }
    return matching;
  }

  private passes(action: ActionDto, chosen: readonly Field[], filters: ActionFiltersDto): boolean {
    for (const field of chosen) if (fieldValue(action, field) !== filters[field]) return false;
    return true;
  }

  /** `limit` matching actions from `offset`, with how many match in all. */
  page(filters: ActionFiltersDto, offset: number, limit: number): ActionPageDto {
    const positions = this.positions(filters);
    const rows = positions.slice(offset, offset + limit).map((position) => this.actions[position] as ActionDto);
    return { planId: this.planId, offset, matching: positions.length, rows };
  }

  /** The ids of every matching action ("select all shown"). */
  ids(filters: ActionFiltersDto): readonly string[] {
    return this.positions(filters).map((position) => (this.actions[position] as ActionDto).id);
  }
}
