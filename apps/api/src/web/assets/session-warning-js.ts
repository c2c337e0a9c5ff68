/**
 * The session warning's script (web/html/session-warning.ts has the markup and says why). Opens the
 * dialog SESSION_WARNING_MINUTES before the end; "Stay signed in" posts to /session/extend with the
 * page's form token, then puts the new end on the page and the new form token in every form (the
 * token follows the session cookie: web/auth/csrf.ts), and tells the page's other tabs the same, so
 * their forms and warnings keep up. At the end, the dialog says the session has ended.
 */
export const SESSION_WARNING_JS = `(function () {
  var dialog = document.getElementById('cj-session-warning');
  if (!dialog || typeof dialog.showModal !== 'function') return;
  var status = document.getElementById('cj-session-status');
  var extendButton = dialog.querySelector('[data-session-extend]');
  var closeButton = dialog.querySelector('[data-session-close]');
  var error = dialog.querySelector('[data-session-error]');
  var title = dialog.querySelector('[data-session-title]');
  var warnMs = Number(dialog.getAttribute('data-warn-seconds')) * 1000;
  // Counted from the seconds left when the page was made: this computer's clock may be wrong.
  var endsAt = Date.now() + Number(dialog.getAttribute('data-ends-in')) * 1000;
  var canExtend = dialog.getAttribute('data-can-extend') === 'true';
  var ended = false;
  var sending = false;
  var returnTo = null;
  var timers = [];
  var channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('cj-session') : null;

  function show(state) {
    dialog.querySelectorAll('[data-session-if]').forEach(function (p) {
      p.hidden = p.getAttribute('data-session-if') !== state;
    });
    extendButton.hidden = state !== 'extend';
    title.textContent = state === 'ended' ? 'Your session has ended' : 'Your session is about to end';
  }
  function open() {
    if (!dialog.open) {
      returnTo = document.activeElement;
      dialog.showModal();
    }
    (extendButton.hidden ? closeButton : extendButton).focus();
  }
  function warn() {
    if (ended) return;
    show(canExtend ? 'extend' : 'limit');
    open();
  }
  function end() {
    ended = true;
    error.hidden = true;
    show('ended');
    open();
  }
  function schedule() {
    timers.forEach(clearTimeout);
    var now = Date.now();
    timers = [setTimeout(warn, Math.max(0, endsAt - warnMs - now)), setTimeout(end, Math.max(0, endsAt - now))];
  }
  function close() {
    if (dialog.open) dialog.close();
  }
  dialog.addEventListener('close', function () {
    if (returnTo && typeof returnTo.focus === 'function') returnTo.focus();
    returnTo = null;
  });
  closeButton.addEventListener('click', close);

  function takeUp(session) {
    endsAt = Date.now() + session.endsInSeconds * 1000;
    canExtend = session.canExtendAgain;
    document.querySelectorAll('[data-session-ends-text]').forEach(function (el) {
      el.textContent = session.endsAtText;
      if (el.tagName === 'TIME') el.setAttribute('datetime', session.endsAt);
    });
    document.querySelectorAll('input[name="_csrf"]').forEach(function (input) {
      input.value = session.csrfToken;
    });
    error.hidden = true;
    schedule();
    close();
    status.textContent = 'You are still signed in. Your session ' + (session.extended ? 'now ends' : 'ends') + ' at ' + session.endsAtText + '.';
  }
  if (channel) channel.onmessage = function (message) { if (!ended) takeUp(message.data); };

  extendButton.addEventListener('click', function () {
    if (sending) return;
    sending = true;
    var token = document.querySelector('input[name="_csrf"]');
    fetch('/session/extend', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': token ? token.value : '' },
    })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(body && body.message ? body.message : 'the service did not answer');
          return body;
        });
      })
      .then(function (session) {
        takeUp(session);
        if (channel) channel.postMessage(session);
      })
      .catch(function (problem) {
        error.textContent = 'Your session could not be extended: ' + problem.message;
        error.hidden = false;
        closeButton.focus();
      })
      .then(function () { sending = false; });
  });
  schedule();
})();
`;
