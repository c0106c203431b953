/** The Logs Summary's domain cards claim an all-clear only when something was checked: a log of which nothing (or nothing of the domain) was read is "not checked". */
import { describe, expect, it } from 'vitest';
import { driftCheck, invariantsCheck } from '../../../../renderer/lib/inspector/summaryChecks';

const facts = (events: number, finalStreams: number, commands = 0, violations = 0, drift = 0) => ({
  domain: 'checkout-cart',
  events,
  commands,
  finalStreams,
  violations: Array.from({ length: violations }, () => ({ invariant: 'x', message: '', line: 1, record: 1 })),
  drift: Array.from({ length: drift }, (_, i) => ({ commandId: `c${i}`, recorded: [], now: 'rejected' })),
}) as unknown as Parameters<typeof invariantsCheck>[0];

describe('invariantsCheck', () => {
  it('says a log read as nothing (a wrong profile: 0 events) was not checked, never that every stream satisfies every invariant', () => {
    const check = invariantsCheck(facts(0, 0));
    expect(check.state).toBe('unchecked');
    expect(check).toMatchObject({ why: expect.stringMatching(/^Not checked: no record was read as an event, so none was read as checkout-cart's/) });
  });
  it("says events none of which the domain read were not checked", () => {
    expect(invariantsCheck(facts(13, 0))).toMatchObject({ state: 'unchecked', why: expect.stringMatching(/^Not checked: none of the log's events could be read as checkout-cart's/) });
  });
  it('holds when events were replayed and none broke an invariant; lists what it found otherwise', () => {
    expect(invariantsCheck(facts(13, 4))).toEqual({ state: 'held' });
    expect(invariantsCheck(facts(13, 4, 0, 2))).toEqual({ state: 'found' });
  });
});

describe('driftCheck', () => {
  it('says nothing read (no command, no event) was not checked; a log of events without commands has nothing to decide again', () => {
    expect(driftCheck(facts(0, 0)).state).toBe('unchecked');
    expect(driftCheck(facts(13, 4))).toEqual({ state: 'held' });
    expect(driftCheck(facts(13, 4, 3, 0, 1))).toEqual({ state: 'found' });
  });
});
