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

export const notificationsApi = {
  inbox: (unreadOnly = false) =>
    request<Inbox>('/notifications', { query: { unread: unreadOnly ? 'true' : undefined } }),
  unreadCount: async () => (await request<Inbox>('/notifications', { query: { unread: 'true', limit: 1 } })).unread,
  markRead: (id: number) => request<{ id: number; read: boolean }>(`/notifications/${id}/read`, { method: 'POST', body: {} }),
  markAllRead: () => request<{ marked: number }>('/notifications/read-all', { method: 'POST', body: {} }),
  preferences: () => request<{ preferences: Preference[] }>('/notification-preferences'),
  setPreference: (preference: Preference) =>
    request<Preference>('/notification-preferences', { method: 'PUT', body: preference }),
  contact: () => request<Contact>('/notification-contact'),
  setContact: (input: { mobile?: string | null; language: 'zh' | 'en' }) =>
    request<Contact>('/notification-contact', { method: 'PUT', body: input }),
};
