// Notifications (/api/v1/notifications, /notification-preferences, /notification-contact):
// every user's inbox with its unread count, their choices per event kind, and how to reach
// them by SMS. Channels (group robots, webhooks) are staff's and have no page yet.
import { request } from './client';
import type { Answer, Body, Item, With } from './types';

export type Inbox = Answer<'get', '/api/v1/notifications'>;
export type InboxItem = Item<Inbox>;

export type Preference = Answer<'get', '/api/v1/notification-preferences'>['preferences'][number];

export type Contact = With<
  Answer<'put', '/api/v1/notification-contact'>,
  { language: 'zh' | 'en' }
>;

export type ChannelKind = 'wecom' | 'dingtalk' | 'webhook';

/** A group robot or webhook (the API tests saw channels only as POST's answer). */
export type Channel = With<
  Answer<'post', '/api/v1/notification-channels', 201>,
  { kind: ChannelKind; building: string | null }
>;

export type NewChannel = With<
  Body<'post', '/api/v1/notification-channels'>,
  { community_id: number; kind: ChannelKind }
>;

export type Delivery = With<
  Answer<'get', '/api/v1/notification-channels/{id}/deliveries'>['deliveries'][number],
  { status: 'pending' | 'sent' | 'dead' }
>;

/** The kinds a channel may ask for, in the order the form lists them. */
export const CHANNEL_EVENT_KINDS = [
  'announcement.published',
  'plan.notice_started',
  'activity.published',
  'survey.opened',
  'warning.raised',
  'request.escalated',
  'request.overdue',
  'request.accepted',
  'request.resolved',
];

export const notificationsApi = {
  inbox: (unreadOnly = false) =>
    request<Inbox>('/notifications', { query: { unread: unreadOnly ? 'true' : undefined } }),
  unreadCount: async () => (await request<Inbox>('/notifications', { query: { unread: 'true', limit: 1 } })).unread,
  markRead: (id: number) => request<{ id: number; read: boolean }>(`/notifications/${id}/read`, { method: 'POST', body: {} }),
  markAllRead: () => request<{ marked: number }>('/notifications/read-all', { method: 'POST', body: {} }),
  preferences: () => request<{ preferences: Preference[] }>('/notification-preferences'),
  setPreference: (preference: Preference) =>
    request<Preference>('/notification-preferences', { method: 'PUT', body: preference }),
  channels: (communityId: number) =>
    request<{ channels: Channel[] }>('/notification-channels', { query: { community_id: communityId } }),
  addChannel: (input: NewChannel) => request<Channel>('/notification-channels', { method: 'POST', body: input }),
  updateChannel: (id: number, input: Omit<NewChannel, 'community_id' | 'kind'> & { enabled: boolean }) =>
    request<Channel>(`/notification-channels/${id}`, { method: 'PUT', body: input }),
  deliveries: (id: number) => request<{ deliveries: Delivery[] }>(`/notification-channels/${id}/deliveries`, { query: { limit: 20 } }),
  test: (id: number) => request<{ delivery_id: number }>(`/notification-channels/${id}/test`, { method: 'POST', body: {} }),
  contact: () => request<Contact>('/notification-contact'),
  setContact: (input: { mobile?: string | null; language: 'zh' | 'en' }) =>
    request<Contact>('/notification-contact', { method: 'PUT', body: input }),
};
