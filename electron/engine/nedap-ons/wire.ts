/**
 * The Nedap Ons JSON shapes this product reads and writes (reference/targets.md 2.6), only the
 * properties it uses; every property is optional in Nedap's spec, so readers check what they need.
 */

/** An employee ("medewerker"): the HR record a user is linked to. HR creates it, never this app. */
export interface NedapEmployee {
  readonly id: number;
  readonly uuid?: string;
  readonly identificationNo?: string;
  readonly firstName?: string;
  readonly lastName?: string;
}

/** A login account linked to an employee through `employeeObjectId`. */
export interface NedapUser {
  readonly id: number;
  readonly uuid: string;
  readonly userName?: string;
  readonly employeeObjectId?: number;
}

/** The body of POST /v0/administration/users. */
export interface NewNedapUser {
  readonly userName: string;
  readonly employeeObjectId: number;
  readonly contractRequiredAtLogin: boolean;
  readonly ssoEnabled: boolean;
  readonly passwordChange: boolean;
}

/** A role the care organisation whitelisted for integrations. */
export interface NedapRole {
  readonly uuid: string;
  readonly name: string;
}

/** A team or a location: only id and name matter here. */
export interface NedapUnit {
  readonly id: number;
  readonly name?: string;
  readonly identificationNo?: string;
}

/** One duty of PUT …/duties: a role with its scope flags. */
export interface NedapDuty {
  readonly roleUuid: string;
  readonly myself?: boolean;
  readonly myTeams?: boolean;
  readonly myLocations?: boolean;
}

/** The body of PUT …/duties: the complete set of duties this connector (`source`) owns. */
export interface NedapUserDuties {
  readonly userUuid: string;
  readonly source: string;
  readonly duties: readonly NedapDuty[];
}

/** Nedap's usual error envelope. */
export interface NedapErrorEnvelope {
  readonly errorResponseEntries: readonly { readonly field?: string; readonly value?: string; readonly message: string }[];
}
