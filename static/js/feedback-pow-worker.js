/* Proof-of-work solver for the feedback forms, run in a Web Worker (no library, no network).
   Finds the smallest decimal counter n such that SHA-256("<challenge>:<n>") starts with at least
   `difficulty` zero bits; the server (feedback/abuse.py) checks the same rule.
   SHA-256 written from FIPS 180-4; constants are the first 32 bits of the fractional parts of the
   cube roots (K) and square roots (H0) of the first primes. */
"use strict";

var K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);
var H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
var W = new Int32Array(64);

function ror(x, n) { return (x >>> n) | (x << (32 - n)); }

var H = new Int32Array(8);
var BLOCK = new Uint8Array(256);

/* SHA-256 of bytes[0:length], as eight 32-bit words in H (valid until the next call).
   Messages up to 183 bytes; BLOCK is reused so the solver's loop allocates nothing. */
function sha256Words(bytes, length) {
  var padded = ((length + 9 + 63) >> 6) << 6;
  var m = BLOCK, i, t;
  for (i = 0; i < length; i++) m[i] = bytes[i];
  m[length] = 0x80;
  for (i = length + 1; i < padded - 4; i++) m[i] = 0;
  var bits = length * 8;
  m[padded - 4] = (bits >>> 24) & 255;
  m[padded - 3] = (bits >>> 16) & 255;
  m[padded - 2] = (bits >>> 8) & 255;
  m[padded - 1] = bits & 255;
  for (i = 0; i < 8; i++) H[i] = H0[i];
  for (var off = 0; off < padded; off += 64) {
    for (t = 0; t < 16; t++) {
      i = off + 4 * t;
      W[t] = (m[i] << 24) | (m[i + 1] << 16) | (m[i + 2] << 8) | m[i + 3];
    }
    for (t = 16; t < 64; t++) {
      var x = W[t - 15], y = W[t - 2];
      var s0 = ror(x, 7) ^ ror(x, 18) ^ (x >>> 3);
      var s1 = ror(y, 17) ^ ror(y, 19) ^ (y >>> 10);
      W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
    }
    var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], k = H[7];
    for (t = 0; t < 64; t++) {
      var S1 = ror(e, 6) ^ ror(e, 11) ^ ror(e, 25);
      var ch = (e & f) ^ (~e & g);
      var T1 = (k + S1 + ch + K[t] + W[t]) | 0;
      var S0 = ror(a, 2) ^ ror(a, 13) ^ ror(a, 22);
      var maj = (a & b) ^ (a & c) ^ (b & c);
      var T2 = (S0 + maj) | 0;
      k = g; g = f; f = e; e = (d + T1) | 0; d = c; c = b; b = a; a = (T1 + T2) | 0;
    }
    H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;
    H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + k) | 0;
  }
  return H;
}

function sha256(bytes) {
  if (bytes.length > 183) throw new Error("message too long for this solver");
  return Array.prototype.slice.call(sha256Words(bytes, bytes.length));
}

function leadingZeroBits(words) {
  var total = 0;
  for (var i = 0; i < words.length; i++) {
    var z = Math.clz32(words[i]);
    total += z;
    if (z < 32) break;
  }
  return total;
}

function asciiBytes(text) {
  var out = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 255;
  return out;
}

function hexDigest(text) {
  return sha256(asciiBytes(text)).map(function (w) { return ("00000000" + (w >>> 0).toString(16)).slice(-8); }).join("");
}

/* Try counters from `start`, at most `count` of them; the solution as a string, or null. */
function solve(challenge, difficulty, start, count) {
  var prefix = asciiBytes(challenge + ":");
  var buffer = new Uint8Array(prefix.length + 20);
  buffer.set(prefix);
  for (var n = start; n < start + count; n++) {
    var digits = String(n);
    for (var j = 0; j < digits.length; j++) buffer[prefix.length + j] = digits.charCodeAt(j);
    if (leadingZeroBits(sha256Words(buffer, prefix.length + digits.length)) >= difficulty) return digits;
  }
  return null;
}

if (typeof self !== "undefined" && typeof importScripts === "function") {
  self.onmessage = function (event) {
    var challenge = String(event.data.challenge), difficulty = event.data.difficulty | 0;
    var n = 0, batch = 20000;
    while (true) {
      var found = solve(challenge, difficulty, n, batch);
      if (found !== null) { self.postMessage({ solution: found, tries: Number(found) + 1 }); return; }
      n += batch;
    }
  };
}
if (typeof module !== "undefined" && module.exports) {
  module.exports = { sha256: sha256, hexDigest: hexDigest, solve: solve, leadingZeroBits: leadingZeroBits };
}
