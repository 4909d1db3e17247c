// Notifications (/api/v1/notifications, /notification-preferences, /notification-contact):
// every user's inbox with its unread count, their choices per event kind, and how to reach
// them by SMS. Channels (group robots, webhooks) are staff's and have no page yet.
import { request } from './client';

export interface InboxItem {
  id: number;
  kind: string;
  object_type: string;
  object_id: string;
  title: string;
  message: string;
  created_at: string;
  read_at: string | null;
}

export interface Inbox {
  unread: number;
  items: InboxItem[];
}

export interface Preference {
  kind: string;
  in_app: boolean;
  sms: boolean;
}

export interface Contact {
  user_id: number;
  community_id: number;
  mobile: string | null;
  mobile_verified: boolean;
  language: 'zh' | 'en';
}

export type ChannelKind = 'wecom' | 'dingtalk' | 'webhook';

export interface Channel {
  id: number;
  community_id: number;
  building: string | null;
  kind: ChannelKind;
  name: string;
  url: string;
  has_secret: boolean;
  events: string[];
  enabled: boolean;
  created_at: string;
}

export interface NewChannel {
  community_id: number;
  kind: ChannelKind;
  name: string;
  url: string;
  secret?: string;
  building?: string;
  events: string[];
}

export interface Delivery {
  id: number;
  event_id: number;
  event: string;
  channel: string;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
  sent_at: string | null;
  created_at: string;
}

/** The kinds a channel may ask for, in the order the form lists them. */
export const CHANNEL_EVENT_KINDS = [
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
