// The Chinese sections of the pages behind a login: every section but the public ones
// (public-zh-CN.ts, whose list this one repeats; areas.test.ts checks the two together hold every
// section once). Loaded as one chunk by loadLoggedInMessages() (index.ts).
import { bySection } from './sections';

export const zhCNRest = bySection(
  import.meta.glob(['./zh-CN/*.json', '!./zh-CN/{admin,announcements,app,assistant,board,boardScope,by,category,common,decisions,discussion,errors,event,forbidden,funding,home,inbox,login,menu,nav,notFound,payee,planAction,planErrors,planStaff,priority,property,propertyFund,propertyStaff,pwa,referralEvents,register,request,reset,resident,serviceCategory,staff,stage,status,track}.json'], {
    eager: true,
    import: 'default',
  }),
);
