import { describe, expect, it } from 'vitest';
import { eventSchema } from '@vigil/schema';
import { field, parseAll, parseOne } from '../testing/parse-one.js';

const consoleLogin = (ok: boolean, mfa: boolean, type = 'IAMUser'): Record<string, unknown> => ({
  eventVersion: '1.08',
  userIdentity: {
    type,
    principalId: 'AIDAEXAMPLE',
    arn: `arn:aws:iam::123456789012:${type === 'Root' ? 'root' : 'user/alice'}`,
    accountId: '123456789012',
    ...(type === 'Root' ? {} : { userName: 'alice' }),
  },
  eventTime: '2024-01-02T03:04:05Z',
  eventSource: 'signin.amazonaws.com',
  eventName: 'ConsoleLogin',
  awsRegion: 'us-east-1',
  sourceIPAddress: '203.0.113.9',
  userAgent: 'Mozilla/5.0',
  requestParameters: null,
  responseElements: { ConsoleLogin: ok ? 'Success' : 'Failure' },
  additionalEventData: {
    LoginTo: 'https://console.aws.amazon.com/',
    MobileVersion: 'No',
    MFAUsed: mfa ? 'Yes' : 'No',
  },
  eventID: 'e-1',
  eventType: 'AwsConsoleSignIn',
  recipientAccountId: '123456789012',
});

describe('AWS CloudTrail', () => {
  it('maps ConsoleLogin with MFA and outcome', () => {
    const ev = parseOne(JSON.stringify(consoleLogin(false, false)));
    expect(ev['@timestamp']).toBe('2024-01-02T03:04:05.000Z');
    expect(ev.event).toMatchObject({
      dataset: 'aws.cloudtrail',
      action: 'ConsoleLogin',
      provider: 'signin.amazonaws.com',
      outcome: 'failure',
      category: ['authentication', 'session'],
    });
    expect(ev.user?.name).toBe('alice');
    expect(ev.source?.ip).toBe('203.0.113.9');
    expect(ev.cloud).toEqual({ provider: 'aws', region: 'us-east-1', account: { id: '123456789012' } });
    expect(field(ev, 'aws.cloudtrail.console_login.additional_eventdata.mfa_used')).toBe(false);
    expect(parseOne(JSON.stringify(consoleLogin(true, true))).event.outcome).toBe('success');
  });

  it('flags root account use', () => {
    const ev = parseOne(JSON.stringify(consoleLogin(true, false, 'Root')));
    expect(ev.user?.name).toBe('root');
    expect(field(ev, 'aws.cloudtrail.user_identity.type')).toBe('Root');
    expect(ev.tags).toContain('aws_root_account');
  });

  it('maps IAM changes with their target and errors as failures', () => {
    const base = {
      eventVersion: '1.08',
      userIdentity: { type: 'IAMUser', userName: 'admin', accountId: '1' },
      eventTime: '2024-01-02T03:04:05Z',
      eventSource: 'iam.amazonaws.com',
      awsRegion: 'us-east-1',
      sourceIPAddress: '198.51.100.4',
    };
    const create = parseOne(
      JSON.stringify({ ...base, eventName: 'CreateUser', requestParameters: { userName: 'mallory' } }),
    );
    expect(create.event).toMatchObject({
      action: 'CreateUser',
      category: ['iam'],
      type: ['user', 'creation'],
      outcome: 'success',
    });
    expect(create.user).toMatchObject({ name: 'admin', target: { name: 'mallory' } });
    const attach = parseOne(
      JSON.stringify({
        ...base,
        eventName: 'AttachUserPolicy',
        requestParameters: { userName: 'mallory', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
      }),
    );
    expect(attach.event.type).toEqual(['user', 'change']);
    const denied = parseOne(
      JSON.stringify({
        ...base,
        eventName: 'DeleteUser',
        errorCode: 'AccessDenied',
        errorMessage: 'no',
        requestParameters: { userName: 'x' },
      }),
    );
    expect(denied.event.outcome).toBe('failure');
    expect(denied.error).toEqual({ code: 'AccessDenied', message: 'no' });
  });

  it('splits the {"Records":[...]} file form into one event per record with distinct ids', () => {
    const events = parseAll(
      JSON.stringify({ Records: [consoleLogin(true, true), consoleLogin(false, false)] }),
    );
    expect(events).toHaveLength(2);
    expect(events[0]?.event.id).not.toBe(events[1]?.event.id);
    expect(JSON.parse(events[1]?.event.original ?? '{}')).toEqual(consoleLogin(false, false));
    for (const ev of events) expect(eventSchema.safeParse(ev).success).toBe(true);
  });
});

describe('Vigil admin audit', () => {
  it('maps the documented audit line', () => {
    const line = JSON.stringify({
      '@timestamp': '2024-05-01T10:00:00.000Z',
      vigil_audit: 1,
      actor: { name: 'alice', roles: ['admin'] },
      action: 'user.create',
      target: { type: 'user', id: 'u-9', name: 'bob' },
      source: { ip: '203.0.113.9' },
      mfa: false,
      outcome: 'success',
      session: { id: 's-1' },
      request: { method: 'POST', path: '/api/users' },
    });
    const ev = parseOne(line);
    expect(ev.event).toMatchObject({
      dataset: 'vigil.audit',
      action: 'user.create',
      category: ['iam'],
      type: ['creation'],
      outcome: 'success',
    });
    expect(ev.user).toEqual({ name: 'alice', roles: ['admin'], target: { name: 'bob' } });
    expect(ev.source?.ip).toBe('203.0.113.9');
    expect(ev.http?.request?.method).toBe('POST');
    expect(field(ev, 'vigil.audit')).toEqual({
      version: 1,
      mfa: false,
      target: { type: 'user', id: 'u-9', name: 'bob' },
      session: { id: 's-1' },
    });
    const login = parseOne(
      JSON.stringify({
        '@timestamp': '2024-05-01T10:00:00Z',
        vigil_audit: 1,
        actor: { name: 'eve' },
        action: 'auth.login',
        outcome: 'failure',
        source: { ip: '198.51.100.1' },
      }),
    );
    expect(login.event).toMatchObject({
      category: ['authentication', 'session'],
      type: ['start'],
      outcome: 'failure',
    });
  });
});
