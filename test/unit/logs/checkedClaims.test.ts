/** The one rule the command line and the Logs view share: an all-clear of invariants only when something was checked; a log of which nothing (or nothing of the domain) was read is "not checked". */
import { describe, expect, it } from 'vitest';
import { checkedPart, driftCheck, invariantsCheck } from '../../../src/logs/checkedClaims';
import type { Anomaly } from '../../../src/logs/types';

const invalid = (line: number): Anomaly => ({ kind: 'invalid-data', line, record: line, message: 'data: expected an object, got "{\\"orderId\\":\\"o-17\\"}"' });

const facts = (events: number, checked: number, commands = 0, violations = 0, drift = 0, anomalies: Anomaly[] = []) =>
  ({
    domain: 'checkout-cart',
    framing: 'lines',
    fieldsUsed: {},
    events,
    commands,
    ...(checked === 0 && events > 0 ? { invariantsChecked: false } : {}),
    ...(checked < events ? { eventsChecked: checked } : {}),
    anomalies,
    violations: Array.from({ length: violations }, () => ({ invariant: 'x', message: '', line: 1, record: 1 })),
    drift: Array.from({ length: drift }, (_, i) => ({ commandId: `c${i}`, recorded: [], now: 'rejected' })),
  }) as unknown as Parameters<typeof invariantsCheck>[0];

describe('invariantsCheck', () => {
  it('says a log read as nothing (a wrong profile: 0 events) was not checked, never that every stream satisfies every invariant', () => {
    const check = invariantsCheck(facts(0, 0));
    expect(check.state).toBe('unchecked');
    expect(check).toMatchObject({ why: expect.stringMatching(/^Not checked: no record was read as an event, so none by domain checkout-cart/) });
  });
  it('says events none of which the domain read were not checked', () => {
    expect(invariantsCheck(facts(13, 0))).toMatchObject({ state: 'unchecked', why: expect.stringMatching(/^Not checked: None of the log's 13 events could be read by domain checkout-cart/) });
  });
  it('names the kind that kept the events from the domain, its first record and what to do: payloads, not types, when the data is invalid', () => {
    const anomalies = [invalid(1), invalid(2), { kind: 'unmapped', line: 6, record: 6, message: 'no event type' } as Anomaly];
    const app = invariantsCheck(facts(11, 0, 0, 0, 0, anomalies));
    expect(app).toMatchObject({ state: 'unchecked', why: expect.stringContaining('2 records of invalid data, the first on line 1 (see Anomalies). The payloads do not match') });
    const cli = invariantsCheck(facts(11, 0, 0, 0, 0, anomalies), 'cli');
    expect(cli).toMatchObject({ state: 'unchecked', why: expect.stringMatching(/^none of the log's 11 events could be read by domain checkout-cart \(2 records of invalid data, the first on line 1: data: expected an object/) });
  });
  it('holds when events were replayed and none broke an invariant; lists what it found otherwise', () => {
    expect(invariantsCheck(facts(13, 13))).toEqual({ state: 'held' });
    expect(invariantsCheck(facts(13, 13, 0, 2))).toEqual({ state: 'found' });
  });
  it('says what a "none" covers when the domain read only some of the events', () => {
    expect(invariantsCheck(facts(11, 1))).toEqual({ state: 'held' });
    expect(checkedPart(facts(11, 1))).toBe(" (checked on 1 of the 11 events, those domain checkout-cart read)");
    expect(checkedPart(facts(11, 11))).toBe('');
  });
});

describe('driftCheck', () => {
  it('says nothing read (no command, no event) was not checked; a log of events without commands has nothing to decide again', () => {
    expect(driftCheck(facts(0, 0)).state).toBe('unchecked');
    expect(driftCheck(facts(13, 13))).toEqual({ state: 'held' });
    expect(driftCheck(facts(13, 13, 3, 0, 1))).toEqual({ state: 'found' });
  });
});
