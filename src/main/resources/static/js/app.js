// Small behaviours the pages share. Served by the app: the content security policy allows no
// inline script.
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// The form editor's preview is a form to look at, not to send.
document.addEventListener('submit', function (event) {
  if (event.target.getAttribute('data-preview')) {
    event.preventDefault();
  }
});
