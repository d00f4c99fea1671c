import { useBusState, useProvide, usePublish, useSubscribe } from '@mfe-bus/react';
import { adminLine, type CartUpdate, nextTheme } from '@mfe-bus-demo/contracts';
import { useState, version } from 'react';
import { Listeners } from './Listeners';
import { Permissions } from './Permissions';

const ITEMS = ['Espresso', 'Croissant', 'Bagel'];

export function App() {
  const [user] = useBusState('user');
  const [auth] = useBusState('auth');
  const [theme, setTheme] = useBusState('theme');
  const publish = usePublish();
  const [refreshes, setRefreshes] = useState(0);
  const [added, setAdded] = useState(0);
  const [contractCheck, setContractCheck] = useState('nothing sent');
  const [news, setNews] = useState('none');

  // Replayed on a late mount: a remote that loads after a refresh still counts it.
  useSubscribe('auth:token-refreshed', () => setRefreshes((count) => count + 1));
  // The first subscriber of admin:* opens the shell's live connection (connectLive).
  useSubscribe('admin:*', (payload, meta) => setNews(adminLine(meta.topic, payload)));
  useProvide('remote:react:status', () => ({ remote: 'react' as const, framework: `React ${version}` }));

  const addToCart = () => {
    publish('cart:updated', { remote: 'react', item: ITEMS[added % ITEMS.length] ?? 'Item' });
    setAdded((count) => count + 1);
  };

  // What a remote built against an older catalogue might send: `item` is a number. The shell's contracts
  // refuse it here, in the remote that sent it, before any other app sees it.
  const sendBadPayload = () => {
    const stale = { remote: 'react', item: 42 } as unknown as CartUpdate;
    try {
      publish('cart:updated', stale);
      setContractCheck('accepted');
    } catch (error) {
      setContractCheck(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  };

  return (
    <div className="remote-card">
      <h3>React remote</h3>
      <dl>
        <dt>User</dt>
        <dd data-testid="react-user">{user ? user.name : 'signed out'}</dd>
        <dt>Token</dt>
        <dd data-testid="react-token">{auth ? auth.token : 'none'}</dd>
        <dt>Refreshes seen</dt>
        <dd data-testid="react-refreshes">{refreshes}</dd>
        <dt>Theme</dt>
        <dd data-testid="react-theme">{theme ?? 'none'}</dd>
        <dt>Permissions</dt>
        <dd data-testid="react-permissions">{user ? <Permissions userId={user.id} /> : 'signed out'}</dd>
        <dt>Added to cart</dt>
        <dd data-testid="react-cart-adds">{added}</dd>
        <dt>From the server</dt>
        <dd data-testid="react-news">{news}</dd>
        <dt>Contract check</dt>
        <dd data-testid="react-contract-check">{contractCheck}</dd>
        <dt>Bus listeners</dt>
        <dd data-testid="react-listeners">
          <Listeners />
        </dd>
      </dl>
      <div className="actions">
        <button type="button" data-testid="react-add-to-cart" onClick={addToCart}>
          Add to cart
        </button>
        <button type="button" data-testid="react-next-theme" onClick={() => setTheme(nextTheme(theme))}>
          Next theme
        </button>
        <button type="button" data-testid="react-send-bad-payload" onClick={sendBadPayload}>
          Send a bad payload
        </button>
      </div>
    </div>
  );
}
