import { Suspense, useMemo, useState } from 'react';
import { LangContext, translator, type Lang } from '../i18n/index.js';
import { JoinPage } from './JoinPage.js';
import { RoomPage } from '../room/RoomPage.js';
import { RoomSignInPage } from '../identity/RoomSignInPage.js';
import { SignedInPage } from '../identity/SignedInPage.js';
import { lazyComponent } from './lazy-component.js';
import { useRoute, type Route } from './navigation.js';
import { UpdatePrompt } from '../offline/UpdatePrompt.js';

// Only operators open this page: its code is not part of what a room's participants load.
const OperatorPage = lazyComponent(() => import('../operator/OperatorPage.js').then((m) => m.OperatorPage));

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'room':
      return <RoomPage roomId={route.roomId} />;
    case 'sign-in':
      return <RoomSignInPage roomId={route.roomId} />;
    case 'signed-in':
      return <SignedInPage />;
    case 'operator':
      return (
        <Suspense fallback={null}>
          <OperatorPage />
        </Suspense>
      );
    case 'join':
      return <JoinPage initialCode={route.code} />;
  }
}

export function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('orsan-room:lang') === 'en' ? 'en' : 'fr'));
  const i18n = useMemo(
    () => ({
      lang,
      t: translator(lang),
      setLang: (next: Lang) => {
        localStorage.setItem('orsan-room:lang', next);
        document.documentElement.lang = next;
        setLang(next);
      },
    }),
    [lang],
  );
  const route = useRoute();
  return (
    <LangContext.Provider value={i18n}>
      <UpdatePrompt />
      <Page route={route} />
    </LangContext.Provider>
  );
}
