import type { FastifyInstance } from 'fastify';

export interface TestSession {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly setCookie: string;
}

/** Signs in through the API as a browser would; returns the cookie pair and the CSRF token. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password: string,
  totp?: string,
): Promise<TestSession> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password, ...(totp === undefined ? {} : { totp }) },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const setCookie = String(response.headers['set-cookie']);
  const body = JSON.parse(response.body) as { csrfToken: string };
  return { cookie: setCookie.split(';')[0] ?? '', csrfToken: body.csrfToken, setCookie };
}
