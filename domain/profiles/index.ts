/** The `profiles` domain: a profile with a gallery, edited online and offline. */
import { num, object, str, type AuthorizationRule, type Decider, type SqlStatement } from '../kernel';
import { decide, GALLERY_LIMIT, profileOf, type ProfilesCommand } from './decide';
import { evolve, streamOf, type Profile, type ProfilesEvent } from './state';

export * from './state';
export * from './decide';

const name = object({ first: str('first name'), last: str('last name') });
const text = (description: string) => ({ type: 'string' as const, description });
const profileId = str('profile id');
const image = object({ profileId, imageRef: str('image reference') });

/** Only the profile's owner may change it (an unknown profile is left to `decide`). */
const ownerOnly: AuthorizationRule<ProfilesCommand, Profile> = (command, state) => {
  const profile = profileOf(state, command.data.profileId);
  if (!profile || profile.userId === command.actor) return undefined;
  return `only the profile's owner (${profile.userId}) may change it, not ${command.actor}`;
};

const sql = (s: string, ...params: (string | number)[]): SqlStatement => ({ sql: s, params });

function statementsFor(e: ProfilesEvent): SqlStatement[] {
  switch (e.type) {
    case 'ProfileAdded':
      return [
        sql(
          'INSERT INTO profiles (profile_id, user_id, title, bio, first_name, last_name, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          e.data.profileId, e.data.userId, e.data.title, e.data.bio, e.data.name.first, e.data.name.last, e.data.at,
        ),
      ];
    case 'ProfileUpdated':
      return [
        sql(
          'UPDATE profiles SET title = ?, bio = ?, first_name = ?, last_name = ?, updated_at = ? WHERE profile_id = ?',
          e.data.title, e.data.bio, e.data.name.first, e.data.name.last, e.data.at, e.data.profileId,
        ),
      ];
    case 'GalleryImageAdded':
      return [
        sql(
          'INSERT INTO gallery_images (profile_id, image_ref, position) VALUES (?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM gallery_images WHERE profile_id = ?))',
          e.data.profileId, e.data.imageRef, e.data.profileId,
        ),
      ];
    case 'GalleryImageRemoved':
      return [sql('DELETE FROM gallery_images WHERE profile_id = ? AND image_ref = ?', e.data.profileId, e.data.imageRef)];
    default: {
      const never: never = e;
      throw new Error(`unknown profiles event ${(never as ProfilesEvent).type}`);
    }
  }
}

/** The profiles decider with its schemas, partition key, invariants and authorization. */
export const profiles = {
  id: 'profiles',
  title: 'Profiles',
  summary: 'A profile with a gallery of up to 10 images, edited online and offline (last writer wins).',
  decide,
  evolve,
  streamOf,
  commandSchemas: {
    AddProfile: object({ profileId, userId: str('owner user id'), title: text('title'), bio: text('bio'), name }),
    UpdateProfile: object({ profileId, title: text('title'), bio: text('bio'), name }),
    AddGalleryImage: image,
    RemoveGalleryImage: image,
  },
  eventSchemas: {
    ProfileAdded: object({ profileId, userId: str('owner user id'), title: text('title'), bio: text('bio'), name, at: num('command timestamp') }),
    ProfileUpdated: object({ profileId, title: text('title'), bio: text('bio'), name, at: num('command timestamp') }),
    GalleryImageAdded: image,
    GalleryImageRemoved: image,
  },
  partitionKey: (command) => command.data.profileId,
  invariants: [
    {
      name: 'gallery-max-10',
      description: `a gallery holds at most ${GALLERY_LIMIT} images`,
      violation: (_stream, p) => (p.gallery.length > GALLERY_LIMIT ? `gallery of ${p.profileId} has ${p.gallery.length} images` : undefined),
    },
    {
      name: 'gallery-unique-images',
      description: 'no image appears twice in a gallery',
      violation: (_stream, p) => {
        const dup = p.gallery.find((ref, i) => p.gallery.indexOf(ref) !== i);
        return dup === undefined ? undefined : `gallery of ${p.profileId} has ${dup} twice`;
      },
    },
  ],
  authorization: {
    UpdateProfile: ownerOnly,
    AddGalleryImage: ownerOnly,
    RemoveGalleryImage: ownerOnly,
  },
  sql: {
    tables: [
      {
        name: 'profiles',
        create: 'CREATE TABLE profiles (profile_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, title TEXT NOT NULL, bio TEXT NOT NULL, first_name TEXT NOT NULL, last_name TEXT NOT NULL, updated_at REAL NOT NULL)',
      },
      { name: 'gallery_images', create: 'CREATE TABLE gallery_images (profile_id TEXT NOT NULL, image_ref TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (profile_id, image_ref))' },
    ],
    statementsFor,
  },
} satisfies Decider<ProfilesCommand, ProfilesEvent, Profile>;
