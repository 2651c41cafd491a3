import { formatIssues, loadRoutingConfig } from '../config/load-routing-config.js';
import type { Router } from '../router/router.js';

/** Loads a routing YAML text for tests, failing loudly with the formatted issues. */
export function loadRouter(text: string): Router {
  const result = loadRoutingConfig(text, { file: 'test.yml', env: {} });
  if (!result.ok) throw new Error(formatIssues(result.issues));
  return result.router;
}
