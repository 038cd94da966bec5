"""Reads a /metrics scrape on stdin and parses it with the Prometheus Python client's own parser.

Prints one line per sample as NAME{labels} VALUE (sorted), so that the browser test can compare two scrapes;
exits non-zero (with the parser's error) if the text is not valid Prometheus exposition format.
"""
import sys

from prometheus_client.parser import text_string_to_metric_families

text = sys.stdin.read()
count = 0
for family in text_string_to_metric_families(text):
    for sample in family.samples:
        labels = ",".join(f'{k}="{v}"' for k, v in sorted(sample.labels.items()))
        print(f"{sample.name}{{{labels}}} {sample.value}")
        count += 1
if count == 0:
    sys.exit("no samples in the scrape")
