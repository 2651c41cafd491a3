import type { Me } from './api.js';

export interface PageContext {
  readonly me: Me;
  readonly params: URLSearchParams;
  /** The part of the route after the page name, e.g. the incident id. */
  readonly rest: string;
}

/** Renders into `root`; may return a cleanup (closing an event stream) for when the page is left. */
export type Page = (root: HTMLElement, context: PageContext) => (() => void) | undefined;

export function can(me: Me, permission: string): boolean {
  return me.permissions.includes(permission);
}
