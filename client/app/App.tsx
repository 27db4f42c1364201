import { useMemo, useState } from 'react';
import { LangContext, translator, type Lang } from '../i18n/index.js';
import { JoinPage } from './JoinPage.js';
import { RoomPage } from '../room/RoomPage.js';
import { useRoute } from './navigation.js';
import { UpdatePrompt } from '../offline/UpdatePrompt.js';

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
      {route.page === 'room' ? <RoomPage roomId={route.roomId} /> : <JoinPage initialCode={route.code} />}
    </LangContext.Provider>
  );
}
