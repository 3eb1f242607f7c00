// The Link test page (GET /link on the fake Plaid): paste a link_token, pick an institution, log
// in with sandbox credentials, choose accounts (or enter micro-deposit details, or the code in
// update mode), and get the public_token, as Plaid Link's onSuccess would hand it over.

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const linkPage = (institutions: { id: string; name: string }[]): string => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Bankline sandbox Link</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto}label{display:block;margin:.5rem 0}
fieldset{margin:1rem 0}#error{color:#b00020}output{font-family:monospace;word-break:break-all}</style></head>
<body>
<h1>Sandbox Link</h1>
<p>Sandbox credentials: <code>user_good</code> / <code>pass_good</code>. Micro-deposits: routing <code>110000000</code>,
account <code>1111222233330000</code>, code <code>ABC</code>. Force an error with password <code>error_ITEM_LOGIN_REQUIRED</code>.</p>
<form id="login">
  <label>link_token <input id="link-token" name="link_token" required size="60"></label>
  <label>Institution <select id="institution">${institutions.map((i) => `<option value="${escapeHtml(i.id)}">${escapeHtml(i.name)}</option>`).join('')}</select></label>
  <label>Username <input id="username" value=""></label>
  <label>Password <input id="password" type="password" value=""></label>
  <fieldset><legend>Micro-deposits (MICRO_DEPOSIT link tokens)</legend>
    <label>Routing number <input id="routing"></label>
    <label>Account number <input id="account"></label>
  </fieldset>
  <button id="continue" type="submit">Continue</button>
</form>
<form id="choose" hidden>
  <fieldset id="accounts"><legend>Accounts to share</legend></fieldset>
  <label id="code-label" hidden>Micro-deposit code <input id="code"></label>
  <button id="submit" type="submit">Link</button>
</form>
<p id="error" role="alert"></p>
<p>public_token: <output id="public-token"></output></p>
<p>accounts: <output id="account-ids"></output></p>
<script>
const $ = (id) => document.getElementById(id);
const post = async (path, body) => {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const data = await response.json();
  if (!response.ok) throw new Error(data.error_code + ': ' + (data.display_message || data.error_message));
  return data;
};
const credentials = () => {
  const body = { link_token: $('link-token').value.trim(), institution_id: $('institution').value };
  if ($('username').value) { body.username = $('username').value; body.password = $('password').value; }
  if ($('routing').value) body.micro_deposit = { routing: $('routing').value, account: $('account').value };
  return body;
};
$('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('error').textContent = '';
  try {
    const { mode, accounts } = await post('/link/bankline/login', credentials());
    const box = $('accounts');
    box.querySelectorAll('label').forEach((l) => l.remove());
    if (mode !== 'verify_micro_deposits') for (const a of accounts) {
      const label = document.createElement('label');
      label.innerHTML = '<input type="checkbox" name="account" checked> ';
      label.firstChild.value = a.id;
      label.append(a.name + ' ****' + a.mask + ' (' + a.subtype + ')');
      box.append(label);
    }
    box.hidden = mode === 'verify_micro_deposits';
    $('code-label').hidden = mode !== 'verify_micro_deposits';
    $('choose').hidden = false;
  } catch (error) { $('error').textContent = error.message; }
});
$('choose').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('error').textContent = '';
  try {
    const ids = [...document.querySelectorAll('input[name=account]:checked')].map((i) => i.value);
    const body = { ...credentials(), account_ids: ids };
    if (!$('code-label').hidden) body.verification_code = $('code').value;
    const result = await post('/link/bankline/complete', body);
    $('public-token').textContent = result.public_token;
    $('account-ids').textContent = result.accounts.map((a) => a.id).join(',');
  } catch (error) { $('error').textContent = error.message; }
});
</script>
</body></html>`;
