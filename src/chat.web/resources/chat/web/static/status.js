placeholder status.js
