"""A loopback HTTPS proxy that answers for the identity providers' host names itself, so that `tonecheck auth` (msal,
google-auth: they only talk to their own providers' hosts) can refresh a token against the test's identity provider.

A child process run with `env()` sends its HTTPS requests through the proxy (HTTPS_PROXY) and trusts only the test's
CA (REQUESTS_CA_BUNDLE); the proxy accepts CONNECT for the named hosts, ends TLS with a certificate from that CA, and
hands each request to the test's `answer(method, path, form) -> (status, json)`. Nothing leaves the machine.
"""
from __future__ import annotations

import datetime
import json
import socketserver
import ssl
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit


def _certificates(folder: Path, hosts) -> tuple[Path, Path, Path]:
    """(ca.pem, cert.pem, key.pem): a test CA and a certificate for `hosts` signed by it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "tonecheck test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
          .not_valid_after(now + datetime.timedelta(days=2))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hosts[0])]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(h) for h in hosts]), critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


class InterceptingProxy:
    def __init__(self, folder: Path, hosts, answer):
        self.hosts, self.answer = tuple(hosts), answer
        self.requests: list[tuple[str, str, str]] = []   # (method, host, path)
        self.cafile, cert, key = _certificates(folder, self.hosts)
        self.ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.ctx.load_cert_chain(cert, key)
        proxy = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                proxy._tunnel(self)

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def env(self, base) -> dict:
        return dict(base, HTTPS_PROXY=self.url, https_proxy=self.url, NO_PROXY="", no_proxy="",
                    REQUESTS_CA_BUNDLE=str(self.cafile))

    def _tunnel(self, handler) -> None:
        method, target, _version = handler.rfile.readline().decode("latin-1").split(" ", 2)
        while handler.rfile.readline() not in (b"\r\n", b"\n", b""):
            pass
        host = target.rsplit(":", 1)[0]
        if method != "CONNECT" or host not in self.hosts:
            handler.wfile.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
            return
        handler.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        handler.wfile.flush()
        with self.ctx.wrap_socket(handler.connection, server_side=True) as tls, tls.makefile("rwb") as f:
            self._serve(f, host)

    def _serve(self, f, host: str) -> None:
        """One request per connection (answered with Connection: close)."""
        request_line = f.readline().decode("latin-1").split()
        if len(request_line) < 2:
            return
        headers = {}
        while (line := f.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        body = f.read(int(headers.get("content-length") or 0)).decode()
        method, path = request_line[0], urlsplit(request_line[1]).path
        self.requests.append((method, host, path))
        form = {k: v[0] for k, v in parse_qs(body or urlsplit(request_line[1]).query).items()}
        status, answer = self.answer(method, path, form)
        data = json.dumps(answer).encode()
        f.write(f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n".encode() + data)
        f.flush()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
