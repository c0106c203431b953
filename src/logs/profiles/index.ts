/** The profiles of logs.md, and choosing one for a file from the shape of its first records. */
import { axonProfile } from './axon';
import { cloudEventsProfile } from './cloudevents';
import { genericProfile } from './generic';
import { jetStreamProfile } from './jetstream';
import type { JsonObject, Profile, ProfileName } from './profile';
import { purestreamProfile } from './purestream';
import { emmettProfile, kurrentDbProfile, martenProfile, messageDbProfile } from './stores';
import { debeziumProfile, messageHolds } from './debezium';
import { eventBridgeProfile, kafkaProfile, kinesisProfile } from './transports';

export * from './profile';
export { FieldReader, NEEDS_EXACT } from './fieldReader';
export { readLogMap, mappedPayload, NO_MAP, type LogMap } from './logMap';

/** Every profile, most specific first (ties in detection go to the earlier one). */
export const PROFILES: readonly Profile[] = [
  purestreamProfile,
  debeziumProfile,
  cloudEventsProfile,
  kurrentDbProfile,
  kafkaProfile,
  kinesisProfile,
  eventBridgeProfile,
  emmettProfile,
  martenProfile,
  messageDbProfile,
  axonProfile,
  jetStreamProfile,
  genericProfile,
];

/** The profile of this name. */
export const profileByName = (name: ProfileName): Profile => PROFILES.find((p) => p.name === name)!;

/** Records looked at to choose a profile. */
export const DETECTION_SAMPLE = 16;

/** The profile that fits the sample records best (mean score; `generic` when none fits). */
export function detectProfile(samples: readonly JsonObject[]): Profile {
  if (samples.length === 0) return genericProfile;
  let best = genericProfile;
  let bestScore = 0;
  for (const profile of PROFILES) {
    if (profile.shows && !samples.some((s) => profile.shows!(s))) continue;
    let total = 0;
    for (const s of samples) total += profile.detect(s);
    const score = total / samples.length;
    if (score > bestScore) {
      best = profile;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The profile `samples` (records no event was read from under the profile `used`, which was
 * asked for) look like when it is another and a known one (not `generic`): said so the user
 * drops the profile asked for or asks for that one; else undefined.
 */
export function otherProfile(used: ProfileName, samples: readonly JsonObject[]): ProfileName | undefined {
  if (samples.length === 0) return undefined;
  const detected = detectProfile(samples).name;
  return detected === used || detected === 'generic' ? undefined : detected;
}

/**
 * For a source read with its reader's own profile: the profile that reads `record` more closely
 * (`debezium` for a Kafka message whose value is a change event); undefined when none does; null
 * while it cannot tell (a Kafka message without a value: a tombstone of any topic).
 */
export function closerProfile(used: Profile, record: JsonObject): Profile | undefined | null {
  if (used.name !== 'kafka') return undefined;
  const holds = messageHolds(record);
  // a message without a value (a tombstone of any topic) tells nothing yet
  if (holds === 'tombstone') return null;
  return holds === 'change' ? debeziumProfile : undefined;
}
