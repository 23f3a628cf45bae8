import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { call } from '../api/client';
import type { ActionDto, ActionFiltersDto, ActionPageDto } from '../../../electron/shared/dto';

/**
 * The Preview table's rows, read from the application API a page at a time: the first page (which
 * also says how many actions pass the filters) and the pages in view. A plan's pages never change
 * (a new plan has a new id), so a page once read is kept. While a new filter's first page is on its
 * way, the previous answer stays on screen rather than an empty table.
 */

/** Rows per request: a few screens' worth, small enough to answer in milliseconds. */
export const PAGE_SIZE = 100;

/** What the table needs of the pages. */
export interface ActionPages {
  /** How many actions pass the filters; null until the first answer. */
  readonly matching: number | null;
  readonly rowAt: (index: number) => ActionDto | undefined;
  /** The table tells which rows are in view. */
  readonly onRange: (first: number, last: number) => void;
  readonly error: Error | null;
}

/** The query of page `page` of the actions passing `filters`; also used to send for a page ahead of the render. */
export function actionPageQuery(planId: string, filters: ActionFiltersDto, page: number) {
  return {
    queryKey: ['plan-actions', planId, filters, page] as const,
    queryFn: (): Promise<ActionPageDto> => call('planActions', { planId, filters, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
    staleTime: Infinity,
  };
}

/** The pages of the plan `planId` that pass `filters`. */
export function useActionPages(planId: string, filters: ActionFiltersDto): ActionPages {
  const [range, setRange] = useState<{ readonly first: number; readonly last: number }>({ first: 0, last: 0 });
  const onRange = useCallback((first: number, last: number) => {
    setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
  }, []);
  const head = useQuery({ ...actionPageQuery(planId, filters, 0), placeholderData: keepPreviousData });
  const wanted: number[] = [];
  for (let page = Math.max(1, Math.floor(range.first / PAGE_SIZE)); page <= Math.floor(range.last / PAGE_SIZE); page += 1) wanted.push(page);
  const more = useQueries({ queries: wanted.map((page) => actionPageQuery(planId, filters, page)) });
  const pages = new Map<number, readonly ActionDto[]>();
  if (head.data) pages.set(0, head.data.rows);
  wanted.forEach((page, i) => {
    const rows = more[i]?.data?.rows;
    if (rows) pages.set(page, rows);
  });
  const rowAt = (index: number): ActionDto | undefined => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  const error = head.error ?? more.find((q) => q.error)?.error ?? null;
  return { matching: head.data?.matching ?? null, rowAt, onRange, error };
}
