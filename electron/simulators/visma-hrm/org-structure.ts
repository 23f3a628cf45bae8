/**
 * The organisation tree of a generated care provider: a board, a support division with staff
 * departments, and five regions with their care teams. Forty units, some with a history (renamed
 * in the past, renamed in the near future, closed), so that "only rows valid on the evaluation
 * date count" is exercised by every data set.
 */

/** What a unit is, which decides who works there and who leads it. */
export type UnitKind = 'root' | 'division' | 'staff' | 'region' | 'team';

/** A name change: the unit was (or will be) called `before` until the day before `changeOffset`. */
export interface UnitRename {
  readonly before: string;
  /** Days from the as-of date on which the new name takes effect (negative: in the past). */
  readonly changeOffset: number;
}

/** One unit of the tree. */
export interface UnitDefinition {
  readonly id: string;
  readonly parentId: string;
  readonly kind: UnitKind;
  /** Current name (for a future rename: the name after the change). */
  readonly name: string;
  /** Key into STAFF_FUNCTIONS for staff departments. */
  readonly staffKey?: string;
  readonly rename?: UnitRename;
  /** Days from the as-of date on which the unit stopped existing (negative: in the past). */
  readonly closedOffset?: number;
  /** Relative share of the workforce placed in this unit. */
  readonly weight: number;
}

const REGIONS = ['Noord', 'Oost', 'Zuid', 'West', 'Centrum'] as const;
const TEAM_KINDS = ['Zorgteam', 'Wijkverpleging', 'Thuiszorg', 'Dagbesteding', 'Nachtzorg'] as const;
const STAFF = ['ICT', 'HR', 'Financiën', 'Planning', 'Facilitair', 'Kwaliteit', 'Opleidingen'] as const;

/** Past and future renames, keyed by current name. */
const RENAMES: Readonly<Record<string, UnitRename>> = {
  'ICT': { before: 'Automatisering', changeOffset: -400 },
  'HR': { before: 'Personeelszaken', changeOffset: -730 },
  'Planning': { before: 'Roosterbureau', changeOffset: -200 },
  'Thuiszorg Oost': { before: 'Thuiszorg Oost en Eemland', changeOffset: -90 },
  // A rename that has not happened yet: on the as-of date the old name is still the valid one.
  'Nachtdienst West': { before: 'Nachtzorg West', changeOffset: 21 },
};

/** Builds the forty units, ids OE0001 upwards, parents before children. */
export function organisationTree(organisationName: string): readonly UnitDefinition[] {
  const units: UnitDefinition[] = [];
  const add = (unit: Omit<UnitDefinition, 'id'>): string => {
    const id = `OE${String(units.length + 1).padStart(4, '0')}`;
    const rename = RENAMES[unit.name];
    units.push(rename === undefined ? { id, ...unit } : { id, ...unit, rename });
    return id;
  };
  const root = add({ parentId: '', kind: 'root', name: organisationName, weight: 0 });
  add({ parentId: root, kind: 'staff', name: 'Bestuursbureau', staffKey: 'Bestuursbureau', weight: 1 });
  const division = add({ parentId: root, kind: 'division', name: 'Bedrijfsvoering', weight: 0 });
  for (const staff of STAFF) add({ parentId: division, kind: 'staff', name: staff, staffKey: staff, weight: 3 });
  for (const region of REGIONS) {
    const regionId = add({ parentId: root, kind: 'region', name: `Regio ${region}`, weight: 0.5 });
    for (const team of TEAM_KINDS) {
      const name = team === 'Nachtzorg' && region === 'West' ? 'Nachtdienst West' : `${team} ${region}`;
      // Dagbesteding Centrum was closed; nobody active works there any more.
      const closed = name === 'Dagbesteding Centrum';
      add(closed
        ? { parentId: regionId, kind: 'team', name, closedOffset: -120, weight: 0 }
        : { parentId: regionId, kind: 'team', name, weight: team === 'Zorgteam' || team === 'Thuiszorg' ? 14 : 8 });
    }
  }
  return units;
}

/** The name a unit carries on a given offset from the as-of date (0 = the as-of date itself). */
export function unitNameOn(unit: UnitDefinition, offset: number): string {
  if (unit.rename !== undefined && offset < unit.rename.changeOffset) return unit.rename.before;
  return unit.name;
}
