import { getViewer } from '../auth/guards.server';
import { isDemoDatabase } from '../data/meta.server';
import { localeFromRequest, langCookie, type Locale } from '../i18n/locale';

export interface ShellData {
  locale: Locale;
  demo: boolean;
  viewer: null | {
    displayName: string;
    isAdmin: boolean;
    isStaff: boolean;
    isVolunteer: boolean;
    isOrgMember: boolean;
  };
}

/** What every page's frame needs: language, who is signed in (names and roles only), the demo banner. */
export function shellData(request: Request): { data: ShellData; headers: Headers } {
  const { locale, fromQuery } = localeFromRequest(request);
  const headers = new Headers();
  if (fromQuery) headers.append('Set-Cookie', langCookie(locale));
  const viewer = getViewer(request);
  if (viewer?.refreshedCookie) headers.append('Set-Cookie', viewer.refreshedCookie);
  return {
    headers,
    data: {
      locale,
      demo: isDemoDatabase(),
      viewer: viewer && {
        displayName: viewer.user.displayName,
        isAdmin: viewer.actor.admin,
        isStaff: viewer.actor.staff !== null,
        isVolunteer: viewer.actor.volunteer !== null,
        isOrgMember: viewer.actor.orgs.length > 0,
      },
    },
  };
}
