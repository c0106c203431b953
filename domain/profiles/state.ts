/** Profiles: events, the profile aggregate and `evolve`. Pure. */
import type { DomainEvent, StreamId } from '../kernel';

export interface PersonName {
  readonly first: string;
  readonly last: string;
}
export interface Profile {
  readonly profileId: string;
  readonly userId: string;
  readonly title: string;
  readonly bio: string;
  readonly name: PersonName;
  readonly gallery: readonly string[];
  /** Timestamp of the last AddProfile/UpdateProfile command (last writer wins). */
  readonly updatedAt: number;
}

export type ProfileAdded = DomainEvent<'ProfileAdded', { profileId: string; userId: string; title: string; bio: string; name: PersonName; at: number }>;
export type ProfileUpdated = DomainEvent<'ProfileUpdated', { profileId: string; title: string; bio: string; name: PersonName; at: number }>;
export type GalleryImageAdded = DomainEvent<'GalleryImageAdded', { profileId: string; imageRef: string }>;
export type GalleryImageRemoved = DomainEvent<'GalleryImageRemoved', { profileId: string; imageRef: string }>;
export type ProfilesEvent = ProfileAdded | ProfileUpdated | GalleryImageAdded | GalleryImageRemoved;

export const profileStream = (profileId: string): StreamId => `profile:${profileId}`;

/** Every profiles event belongs to its profile's stream. */
export const streamOf = (event: ProfilesEvent): StreamId => profileStream(event.data.profileId);

/** Folds one event into the profile aggregate. */
export function evolve(agg: Profile | undefined, event: ProfilesEvent): Profile {
  switch (event.type) {
    case 'ProfileAdded': {
      const { profileId, userId, title, bio, name, at } = event.data;
      return { profileId, userId, title, bio, name, gallery: [], updatedAt: at };
    }
    case 'ProfileUpdated': {
      const { title, bio, name, at } = event.data;
      return { ...(agg as Profile), title, bio, name, updatedAt: at };
    }
    case 'GalleryImageAdded':
      return { ...(agg as Profile), gallery: [...(agg?.gallery ?? []), event.data.imageRef] };
    case 'GalleryImageRemoved':
      return { ...(agg as Profile), gallery: (agg?.gallery ?? []).filter((ref) => ref !== event.data.imageRef) };
    default: {
      const never: never = event;
      throw new Error(`unknown profiles event ${(never as ProfilesEvent).type}`);
    }
  }
}
