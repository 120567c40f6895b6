#!/usr/bin/env python3
"""A reward model served with CreditBench's HTTP reward protocol: VADER (vaderSentiment 3.3.2).

Protocol: POST {"texts": ["...", ...]} (a "reference" key, if present, is ignored) and get back
{"scores": [compound, ...]}, one score per text, in order. Malformed requests get a 400 with
{"error": reason}. Replace `score` with your own model (a transformer classifier, an LLM judge)
to explain or train against it:

    python3 examples/vader_reward_server.py --port 8090 &
    creditbench explain --task sentiment --text "A good film." --reward-model http://127.0.0.1:8090/

Prints "listening on http://HOST:PORT/" once ready (--port 0 picks a free port). Needs
`pip install vaderSentiment==3.3.2`.
"""
import argparse
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

MAX_BODY_BYTES = 8 << 20
ANALYZER = SentimentIntensityAnalyzer()


def score(texts):
    return [ANALYZER.polarity_scores(text)["compound"] for text in texts]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            return self.answer(413, {"error": f"request body over {MAX_BODY_BYTES} bytes"}, close=True)
        try:
            request = json.loads(self.rfile.read(length))
            texts = request["texts"]
            if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
                raise ValueError
        except (ValueError, KeyError, TypeError):
            return self.answer(400, {"error": 'expected JSON {"texts": [strings]}'})
        self.answer(200, {"scores": score(texts)})

    def answer(self, status, payload, close=False):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    arguments = parser.parse_args()
    server = ThreadingHTTPServer((arguments.host, arguments.port), Handler)
    print(f"listening on http://{arguments.host}:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
