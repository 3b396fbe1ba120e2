// Keeps the part of the address after '#' through the login, so a Tasklist link to a task
// (…/tasklist/default/#/?task=…) opens that task once the user has logged in. Browsers keep the
// fragment when the server redirects to /login, but never send it to the server.
document.addEventListener('DOMContentLoaded', function () {
  var field = document.getElementById('fragment');
  if (field && window.location.hash) {
    field.value = window.location.hash;
  }
});
