import { describe, expect, it } from 'vitest';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { authorize, evolveRecord, viewOf } from '../../../domain/kernel';
import { envelope, given } from '../../../src/engine/module/testing';

const profiles = bundledDomain('profiles')!;

const name = { first: 'Ada', last: 'Lovelace' };
const added = (at = 10) => ({ type: 'ProfileAdded', data: { profileId: 'p1', userId: 'ada', title: 'Engineer', bio: 'Notes', name, at } });
const image = (ref: string) => ({ type: 'GalleryImageAdded', data: { profileId: 'p1', imageRef: ref } });
const addProfile = (at = 10) => ({ type: 'AddProfile', at, data: { profileId: 'p1', userId: 'ada', title: 'Engineer', bio: 'Notes', name } });
const update = (at: number, title = 'Countess') => ({ type: 'UpdateProfile', at, data: { profileId: 'p1', title, bio: 'Notes', name } });
const addImage = (ref: string) => ({ type: 'AddGalleryImage', data: { profileId: 'p1', imageRef: ref } });
const removeImage = (ref: string) => ({ type: 'RemoveGalleryImage', data: { profileId: 'p1', imageRef: ref } });
const tenImages = Array.from({ length: 10 }, (_, i) => image(`img-${i}`));

describe('profiles: AddProfile', () => {
  it('adds a profile stamped with the command timestamp', () => {
    given(profiles).when(addProfile(10)).then([added(10)]);
  });
  it('rejects profile-exists', () => {
    given(profiles, [added()]).when(addProfile(20)).thenRejects('profile-exists');
  });
  it('builds the aggregate with the contract fields', () => {
    expect(given(profiles, [added(10), image('a')]).state).toEqual({
      'profile:p1': { profileId: 'p1', userId: 'ada', title: 'Engineer', bio: 'Notes', name, gallery: ['a'], updatedAt: 10 },
    });
  });
});

describe('profiles: UpdateProfile (last writer wins)', () => {
  it('updates a profile with a later timestamp', () => {
    given(profiles, [added(10)])
      .when(update(20))
      .then([{ type: 'ProfileUpdated', data: { profileId: 'p1', title: 'Countess', bio: 'Notes', name, at: 20 } }]);
  });
  it('accepts an edit with the same timestamp', () => {
    given(profiles, [added(10)]).when(update(10)).then([{ type: 'ProfileUpdated', data: { profileId: 'p1', title: 'Countess', bio: 'Notes', name, at: 10 } }]);
  });
  it('rejects an older edit as superseded', () => {
    const history = [added(10), { type: 'ProfileUpdated', data: { profileId: 'p1', title: 'New', bio: 'Notes', name, at: 50 } }];
    given(profiles, history).when(update(30)).thenRejects('superseded');
  });
  it('rejects unknown-profile', () => {
    given(profiles).when(update(30)).thenRejects('unknown-profile');
  });
  it('leaves updatedAt alone on gallery changes', () => {
    const state = given(profiles, [added(10), image('a'), { type: 'GalleryImageRemoved', data: { profileId: 'p1', imageRef: 'a' } }]).state;
    expect((state['profile:p1'] as { updatedAt: number }).updatedAt).toBe(10);
  });
});

describe('profiles: gallery', () => {
  it('adds an image', () => {
    given(profiles, [added()]).when(addImage('a')).then([image('a')]);
  });
  it('rejects unknown-profile', () => {
    given(profiles).when(addImage('a')).thenRejects('unknown-profile');
  });
  it('rejects duplicate-image', () => {
    given(profiles, [added(), image('a')]).when(addImage('a')).thenRejects('duplicate-image');
  });
  it('rejects gallery-full at 10 images', () => {
    given(profiles, [added(), ...tenImages]).when(addImage('one-more')).thenRejects('gallery-full');
  });
  it('removes an image', () => {
    given(profiles, [added(), image('a')]).when(removeImage('a')).then([{ type: 'GalleryImageRemoved', data: { profileId: 'p1', imageRef: 'a' } }]);
  });
  it('rejects removing from an unknown-profile', () => {
    given(profiles).when(removeImage('a')).thenRejects('unknown-profile');
  });
  it('rejects removing an unknown-image', () => {
    given(profiles, [added()]).when(removeImage('zzz')).thenRejects('unknown-image');
  });
  it('partitions by profileId', () => {
    expect(profiles.partitionKey(envelope(addImage('a')), viewOf({}))).toBe('p1');
  });
});

describe('profiles: invariants', () => {
  const byName = Object.fromEntries(profiles.invariants.map((i) => [i.name, i]));
  it('gallery-max-10 holds at 10 and breaks at 11', () => {
    const ten = evolveRecord(profiles, {}, [added(), ...tenImages]);
    expect(byName['gallery-max-10'].violation('profile:p1', ten['profile:p1'] as never)).toBeUndefined();
    const eleven = evolveRecord(profiles, {}, [added(), ...tenImages, image('x')]);
    expect(byName['gallery-max-10'].violation('profile:p1', eleven['profile:p1'] as never)).toMatch(/11 images/);
  });
  it('gallery-unique-images breaks when an image appears twice', () => {
    const ok = evolveRecord(profiles, {}, [added(), image('a'), image('b')]);
    expect(byName['gallery-unique-images'].violation('profile:p1', ok['profile:p1'] as never)).toBeUndefined();
    const twice = evolveRecord(profiles, {}, [added(), image('a'), image('a')]);
    expect(byName['gallery-unique-images'].violation('profile:p1', twice['profile:p1'] as never)).toMatch(/a twice/);
  });
});

describe('profiles: authorization', () => {
  const state = viewOf(given(profiles, [added()]).state);
  const ctx = { now: 0 };
  it.each(['UpdateProfile', 'AddGalleryImage', 'RemoveGalleryImage'])('%s only by the profile owner', (type) => {
    const data = type === 'UpdateProfile' ? update(20).data : addImage('a').data;
    expect(authorize(profiles, envelope({ type, data, actor: 'ada' }), state, ctx)).toBeUndefined();
    expect(authorize(profiles, envelope({ type, data, actor: 'eve' }), state, ctx)?.code).toBe('unauthorized');
  });
  it('AddProfile needs only an actor (the default rule)', () => {
    expect(authorize(profiles, envelope({ ...addProfile(), actor: 'anyone' }), viewOf({}), ctx)).toBeUndefined();
    expect(authorize(profiles, envelope(addProfile()), viewOf({}), ctx)?.code).toBe('unauthorized');
  });
});
