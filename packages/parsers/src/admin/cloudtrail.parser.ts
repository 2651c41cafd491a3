/**
 * AWS CloudTrail records, one JSON object per line or the delivered file form
 * `{"Records":[{...},{...}]}` (one event per record), e.g.
 * `{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"alice",...},"eventTime":"2024-01-02T03:04:05Z",
 * "eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.9",
 * "responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"MFAUsed":"No"},...}`.
 * Mapped after Elastic's aws.cloudtrail integration (user.*, user.target.*, source.*, cloud.*, aws.cloudtrail.*).
 */
import type { EventDraft, Outcome } from '../event/event-draft.js';
import { classify, newDraft, setSource, setUserField } from '../event/draft-helpers.js';
import type { Toolkit } from '../model/toolkit.js';
import { scanIso } from '../time/timestamp-scan.js';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A copy without undefined values (CloudTrail records omit fields freely). */
function defined(o: Json): Json {
  // A key loop: entries/filter/fromEntries allocate two arrays per key. The keys are this file's own.
  const out: Json = {};
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = o[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export function isCloudTrailRecord(o: Json): boolean {
  return (
    typeof o.eventVersion === 'string' && typeof o.eventSource === 'string' && typeof o.eventName === 'string'
  );
}

function verbTypes(name: string): string[] {
  if (/^(Create|Add|Register|Run|Start|Import|Allocate)/.test(name)) return ['creation'];
  if (/^(Delete|Remove|Deregister|Terminate|Detach|Revoke|Release)/.test(name)) return ['deletion'];
  if (
    /^(Put|Attach|Update|Modify|Set|Change|Replace|Enable|Disable|Associate|Reset|Upload|Tag|Untag|Stop|Reboot)/.test(
      name,
    )
  ) {
    return ['change'];
  }
  if (/^(Get|List|Describe|Lookup|Head|Search|Generate|Decrypt|Encrypt)/.test(name)) return ['access'];
  return ['info'];
}

function iamObject(name: string): string | undefined {
  if (/User(Policy)?$|UserToGroup$|LoginProfile$|AccessKey$|MFADevice$|UserFromGroup$/.test(name))
    return 'user';
  if (/Group(Policy)?$/.test(name)) return 'group';
  if (/Role(Policy)?$/.test(name)) return 'role';
  return undefined;
}

function userName(identity: Json | undefined): string | undefined {
  if (identity === undefined) return undefined;
  const direct = str(identity.userName);
  if (direct !== undefined) return direct;
  if (identity.type === 'Root') return 'root';
  const issuer = obj(obj(identity.sessionContext)?.sessionIssuer);
  const issuerName = str(issuer?.userName);
  if (issuerName !== undefined) return issuerName;
  const arn = str(identity.arn);
  return arn === undefined ? undefined : arn.slice(arn.lastIndexOf('/') + 1) || undefined;
}

/** Maps one CloudTrail record. `original` is the record's own JSON text. */
export function cloudTrailEvent(rec: Json, tk: Toolkit, original: string): EventDraft {
  const time = str(rec.eventTime);
  let ms = Number.NaN;
  if (time !== undefined && scanIso(time, 0, tk.clock, tk.scan) === time.length) ms = tk.scan.ms;
  const fallback = Number.isNaN(ms);
  const ev = newDraft(tk.iso(fallback ? tk.nowMs : ms), original, 'aws.cloudtrail', 'cloudtrail');
  if (fallback) ev.vigil.timestamp_fallback = true;
  const name = str(rec.eventName) ?? '';
  const sourceService = str(rec.eventSource) ?? '';
  ev.event.action = name;
  ev.event.provider = sourceService;
  const identity = obj(rec.userIdentity);
  const user = userName(identity);
  if (user !== undefined) (ev.user ??= {}).name = user;
  const principal = str(identity?.principalId);
  if (principal !== undefined) (ev.user ??= {}).id = principal;
  const ip = str(rec.sourceIPAddress);
  setSource(ev, ip);
  const agent = str(rec.userAgent);
  if (agent !== undefined) ev.user_agent = { original: agent };
  const cloud: Json = { provider: 'aws' };
  const region = str(rec.awsRegion);
  if (region !== undefined) cloud.region = region;
  const account = str(identity?.accountId) ?? str(rec.recipientAccountId);
  if (account !== undefined) cloud.account = { id: account };
  ev.cloud = cloud;

  const req = obj(rec.requestParameters);
  setUserField(ev, 'target', str(req?.userName));
  const groupName = str(req?.groupName);
  if (groupName !== undefined) ev.group = { name: groupName };

  const errorCode = str(rec.errorCode);
  const response = obj(rec.responseElements);
  const extra = obj(rec.additionalEventData);
  let outcome: Outcome = errorCode === undefined ? 'success' : 'failure';
  const ct: Json = {
    event_version: rec.eventVersion,
    event_type: rec.eventType,
    event_category: rec.eventCategory,
    event_id: rec.eventID,
    request_id: rec.requestID,
    recipient_account_id: rec.recipientAccountId,
  };
  if (identity !== undefined) {
    const sessionAttrs = obj(obj(identity.sessionContext)?.attributes);
    ct.user_identity = {
      type: identity.type,
      arn: identity.arn,
      access_key_id: identity.accessKeyId,
      invoked_by: identity.invokedBy,
      ...(sessionAttrs?.mfaAuthenticated !== undefined
        ? { session_context: { mfa_authenticated: sessionAttrs.mfaAuthenticated === 'true' } }
        : {}),
    };
  }
  if (errorCode !== undefined) {
    ct.error_code = errorCode;
    const errorMessage = str(rec.errorMessage);
    ev.error = errorMessage === undefined ? { code: errorCode } : { code: errorCode, message: errorMessage };
  }
  if (req !== undefined) ct.request_parameters = req;
  if (name === 'ConsoleLogin') {
    const result = str(response?.ConsoleLogin);
    if (result === 'Failure') outcome = 'failure';
    const mfa = str(extra?.MFAUsed);
    ct.console_login = {
      additional_eventdata: {
        mfa_used: mfa === 'Yes',
        mobile_version: extra?.MobileVersion === 'Yes',
        login_to: extra?.LoginTo,
      },
    };
    classify(ev, undefined, ['authentication', 'session'], ['start'], outcome);
  } else if (sourceService === 'iam.amazonaws.com') {
    const object = iamObject(name);
    classify(
      ev,
      undefined,
      ['iam'],
      [...(object === 'user' || object === 'group' ? [object] : []), ...verbTypes(name)],
      outcome,
    );
  } else if (sourceService === 'sts.amazonaws.com' || sourceService === 'signin.amazonaws.com') {
    classify(ev, undefined, ['authentication'], ['info'], outcome);
  } else {
    classify(ev, undefined, ['configuration'], verbTypes(name), outcome);
  }
  const ui = obj(ct.user_identity);
  if (ui !== undefined) ct.user_identity = defined(ui);
  ev.aws = { cloudtrail: defined(ct) };
  if (identity?.type === 'Root') (ev.tags ??= []).push('aws_root_account');
  return ev;
}
