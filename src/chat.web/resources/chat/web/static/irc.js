placeholder irc.js
