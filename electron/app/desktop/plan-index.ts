import type { ActionDto, ActionFiltersDto, ActionPageDto } from '../../shared/dto';

/**
 * The current plan's actions as the Preview table reads them: filtered, searched and paged here, next
 * to the plan, so the screen never receives (nor parses, nor filters) 35,000 actions at once. Built once
 * per plan (the DTOs and the lower-case search keys); a filter is one plain pass over the plan, and the
 * pages of one filter reuse its result.
 */

/** What the search box matches: the person's name, the account name and the person id, lower case. */
export function searchText(action: ActionDto): string {
  return `${action.personName} ${action.account.name} ${action.personId ?? ''}`.toLowerCase();
}

/** The actions that pass the filters, in plan order; `texts[i]` is {@link searchText} of `actions[i]`. */
export function filterActions(actions: readonly ActionDto[], texts: readonly string[], filters: ActionFiltersDto): readonly ActionDto[] {
  const search = filters.search.trim().toLowerCase();
  return actions.filter((a, i) =>
    (filters.target === '' || a.target === filters.target)
    && (filters.action === '' || a.action === filters.action)
    && (filters.orgUnit === '' || a.orgUnit === filters.orgUnit)
    && (filters.status === '' || (a.held ? 'held' : 'ready') === filters.status)
    && (search === '' || (texts[i] ?? '').includes(search)));
}

function filtersKey(filters: ActionFiltersDto): string {
  return JSON.stringify([filters.target, filters.action, filters.orgUnit, filters.status, filters.search.trim().toLowerCase()]);
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].filter((v) => v !== '').sort((a, b) => a.localeCompare(b));
}

/** One plan's actions, indexed for the Preview table. */
export class PlanIndex {
  private readonly texts: readonly string[];
  private last: { readonly key: string; readonly rows: readonly ActionDto[] } | null = null;
  private values: ReturnType<PlanIndex['options']> | null = null;

  constructor(readonly planId: string, readonly actions: readonly ActionDto[]) {
    this.texts = actions.map(searchText);
  }

  /** The targets, action kinds and org units in the plan, for the filters. */
  options(): { readonly targets: readonly string[]; readonly actions: readonly string[]; readonly orgUnits: readonly string[] } {
    this.values ??= {
      targets: unique(this.actions.map((a) => a.target)),
      actions: unique(this.actions.map((a) => a.action)),
      orgUnits: unique(this.actions.map((a) => a.orgUnit)),
    };
    return this.values;
  }

  /** The actions passing the filters; the last answer is kept, as the table asks page after page of one filter. */
  matching(filters: ActionFiltersDto): readonly ActionDto[] {
    const key = filtersKey(filters);
    if (this.last?.key !== key) this.last = { key, rows: filterActions(this.actions, this.texts, filters) };
    return this.last.rows;
  }

  /** `limit` matching actions from `offset`. */
  page(filters: ActionFiltersDto, offset: number, limit: number): ActionPageDto {
    const rows = this.matching(filters);
    return { planId: this.planId, offset, matching: rows.length, rows: rows.slice(offset, offset + limit) };
  }

  /** The ids of every matching action ("select all shown"). */
  ids(filters: ActionFiltersDto): readonly string[] {
    return this.matching(filters).map((a) => a.id);
  }
}
