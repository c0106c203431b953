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

/**
 * A profile whose `ProfileAdded` was not folded yet: a consumer may enact a profile's events out
 * of order (a retried `ProfileAdded` arrives after the next event), and the fold stays total —
 * no owner, empty texts, an empty gallery — as `decide` never sees it (it reads an ordered log).
 */
const notAdded = (profileId: string): Profile => ({ profileId, userId: '', title: '', bio: '', name: { first: '', last: '' }, gallery: [], updatedAt: 0 });

/** Folds one event into the profile aggregate; total: an event before its profile's `ProfileAdded` folds into a profile not added yet. */
export function evolve(agg: Profile | undefined, event: ProfilesEvent): Profile {
  switch (event.type) {
    case 'ProfileAdded': {
      const { profileId, userId, title, bio, name, at } = event.data;
      return { profileId, userId, title, bio, name, gallery: [], updatedAt: at };
    }
    case 'ProfileUpdated': {
      const { title, bio, name, at } = event.data;
      return { ...(agg ?? notAdded(event.data.profileId)), title, bio, name, updatedAt: at };
    }
    case 'GalleryImageAdded': {
      const profile = agg ?? notAdded(event.data.profileId);
      return { ...profile, gallery: [...profile.gallery, event.data.imageRef] };
    }
    case 'GalleryImageRemoved': {
      const profile = agg ?? notAdded(event.data.profileId);
      return { ...profile, gallery: profile.gallery.filter((ref) => ref !== event.data.imageRef) };
    }
    default: {
      const never: never = event;
      throw new Error(`unknown profiles event ${(never as ProfilesEvent).type}`);
    }
  }
}
