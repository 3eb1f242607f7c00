// The Connect test page (the Connect URL a FINICITY link token returns): the user picks FinBank
// Profiles – A and logs in with profile_03 / profile_03; every account of the profile is linked
// to the Finicity customer, as Connect does. Then sync_vendor_accounts adds them in Bankline.

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const connectPage = (customerId: string): string => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Bankline sandbox Connect</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto}label{display:block;margin:.5rem 0}#error{color:#b00020}</style></head>
<body>
<h1>Sandbox Connect</h1>
<p>Customer <code id="customer">${escapeHtml(customerId)}</code>. Test Drive login: <code>profile_03</code> / <code>profile_03</code>.</p>
<form id="connect">
  <label>Institution <select id="institution"><option value="102105">FinBank Profiles – A</option></select></label>
  <label>Banking Userid <input id="username"></label>
  <label>Banking Password <input id="password" type="password"></label>
  <button id="submit" type="submit">Connect</button>
</form>
<p id="error" role="alert"></p>
<ul id="linked"></ul>
<script>
const $ = (id) => document.getElementById(id);
$('connect').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('error').textContent = '';
  const response = await fetch('/connect/bankline/complete', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ customerId: $('customer').textContent, institutionId: $('institution').value, username: $('username').value, password: $('password').value }),
  });
  const data = await response.json();
  if (!response.ok) { $('error').textContent = data.message; return; }
  for (const a of data.accounts) { const li = document.createElement('li'); li.textContent = a.name + ' ****' + a.realAccountNumberLast4; $('linked').append(li); }
});
</script>
</body></html>`;
