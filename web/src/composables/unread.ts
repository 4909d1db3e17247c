// The unread notification count shared by the header's bell and the inbox page (which lowers
// it as items are read).
import { ref } from 'vue';

export const unreadNotifications = ref(0);
