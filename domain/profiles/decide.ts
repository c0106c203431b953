/** Profiles: commands and `decide`, one small function per command. Pure. */
import { accept, reject, type Command, type CommandEnvelope, type Decision, type StateView } from '../kernel';
import { profileStream, type PersonName, type Profile, type ProfilesEvent } from './state';

export type AddProfile = Command<'AddProfile', { profileId: string; userId: string; title: string; bio: string; name: PersonName }>;
export type UpdateProfile = Command<'UpdateProfile', { profileId: string; title: string; bio: string; name: PersonName }>;
export type AddGalleryImage = Command<'AddGalleryImage', { profileId: string; imageRef: string }>;
export type RemoveGalleryImage = Command<'RemoveGalleryImage', { profileId: string; imageRef: string }>;
export type ProfilesCommand = AddProfile | UpdateProfile | AddGalleryImage | RemoveGalleryImage;

type State = StateView<Profile>;
/** Most images a gallery holds. */
export const GALLERY_LIMIT = 10;

export const profileOf = (state: State, profileId: string): Profile | undefined => state.get(profileStream(profileId));

function addProfile({ data, at }: CommandEnvelope<AddProfile>, state: State): Decision<ProfilesEvent> {
  if (profileOf(state, data.profileId)) return reject('profile-exists', `profile ${data.profileId} already exists`);
  const { profileId, userId, title, bio, name } = data;
  return accept({ type: 'ProfileAdded', data: { profileId, userId, title, bio, name, at } });
}

function updateProfile({ data, at }: CommandEnvelope<UpdateProfile>, state: State): Decision<ProfilesEvent> {
  const profile = profileOf(state, data.profileId);
  if (!profile) return reject('unknown-profile', `no profile ${data.profileId}`);
  if (at < profile.updatedAt) return reject('superseded', `a newer edit (at ${profile.updatedAt}) already won over this one (at ${at})`);
  const { profileId, title, bio, name } = data;
  return accept({ type: 'ProfileUpdated', data: { profileId, title, bio, name, at } });
}

function addGalleryImage({ data }: CommandEnvelope<AddGalleryImage>, state: State): Decision<ProfilesEvent> {
  const profile = profileOf(state, data.profileId);
  if (!profile) return reject('unknown-profile', `no profile ${data.profileId}`);
  if (profile.gallery.includes(data.imageRef)) return reject('duplicate-image', `${data.imageRef} is already in the gallery`);
  if (profile.gallery.length >= GALLERY_LIMIT) return reject('gallery-full', `the gallery already has ${GALLERY_LIMIT} images`);
  return accept({ type: 'GalleryImageAdded', data: { profileId: data.profileId, imageRef: data.imageRef } });
}

function removeGalleryImage({ data }: CommandEnvelope<RemoveGalleryImage>, state: State): Decision<ProfilesEvent> {
  const profile = profileOf(state, data.profileId);
  if (!profile) return reject('unknown-profile', `no profile ${data.profileId}`);
  if (!profile.gallery.includes(data.imageRef)) return reject('unknown-image', `${data.imageRef} is not in the gallery`);
  return accept({ type: 'GalleryImageRemoved', data: { profileId: data.profileId, imageRef: data.imageRef } });
}

/** Decides a profiles command against the state. */
export function decide(command: CommandEnvelope<ProfilesCommand>, state: State): Decision<ProfilesEvent> {
  switch (command.type) {
    case 'AddProfile':
      return addProfile(command, state);
    case 'UpdateProfile':
      return updateProfile(command, state);
    case 'AddGalleryImage':
      return addGalleryImage(command, state);
    case 'RemoveGalleryImage':
      return removeGalleryImage(command, state);
    default: {
      const never: never = command;
      return reject('unknown-command', `unknown command ${(never as Command).type}`);
    }
  }
}
