// Small behaviours the pages share. Served by the app: the content security policy allows no
// inline script.
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
