// The Chinese sections the public pages use (anyone, no login: home, tracking, login,
// registration, password reset, the transparency board and a plan's page, the assistant, not
// found), bundled with the page itself. Every other section (zh-CN-rest.ts) loads once a user
// is logged in, and English (en.ts) once it is chosen, so a phone opening the board downloads
// only these. areas.test.ts checks that every section a public page's code names is here; a new
// public page's section joins this list and leaves the one in zh-CN-rest.ts.
import { bySection } from './sections';

export const zhCNPublic = bySection(
  import.meta.glob('./zh-CN/{admin,announcements,app,assistant,board,boardScope,by,category,common,decisions,discussion,errors,event,forbidden,funding,home,inbox,login,menu,nav,notFound,payee,planAction,planErrors,planStaff,priority,property,propertyFund,propertyStaff,pwa,referralEvents,register,request,reset,resident,serviceCategory,staff,stage,status,track}.json', {
    eager: true,
    import: 'default',
  }),
);
