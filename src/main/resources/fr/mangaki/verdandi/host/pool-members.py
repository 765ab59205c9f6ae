"""Prints the private IPv4 address of each active droplet carrying a tag, one per line.

Reads the DigitalOcean API (GET /v2/droplets?tag_name=TAG, "List All Droplets" in
https://docs.digitalocean.com/reference/api/digitalocean/#tag/Droplets/operation/droplets_list):
the token (read-only is enough) from the file named by the second argument, sent as
`Authorization: Bearer`; 200 droplets a page, following links.pages.next. A droplet counts
once its status is "active"; its address is the networks.v4 entry of type "private".

Usage: python3 pool-members.py TAG TOKEN_FILE [API_BASE]   (API_BASE: https://api.digitalocean.com)
Exit status: 0 listed (maybe none), 1 the API could not be read (nothing printed).
"""

import json
import sys
import urllib.error
import urllib.parse
import urllib.request


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    tag, token_file = sys.argv[1], sys.argv[2]
    base = sys.argv[3] if len(sys.argv) == 4 else "https://api.digitalocean.com"
    with open(token_file, encoding="utf-8") as f:
        token = f.read().strip()
    url = base.rstrip("/") + "/v2/droplets?" + urllib.parse.urlencode({"tag_name": tag, "per_page": 200})
    addresses = []
    pages = 0
    while url:
        pages += 1
        if pages > 50:
            print("pool-members: more than 50 pages of droplets", file=sys.stderr)
            return 1
        request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token,
                                                       "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                body = json.load(response)
        except urllib.error.HTTPError as e:
            print(f"pool-members: the API answered {e.code} for tag {tag}", file=sys.stderr)
            return 1
        except (urllib.error.URLError, OSError, ValueError) as e:
            print(f"pool-members: the API could not be read: {e}", file=sys.stderr)
            return 1
        for droplet in body.get("droplets", []):
            if droplet.get("status") != "active":
                continue
            for network in droplet.get("networks", {}).get("v4", []):
                if network.get("type") == "private" and network.get("ip_address"):
                    addresses.append(network["ip_address"])
        url = body.get("links", {}).get("pages", {}).get("next")
    for address in sorted(set(addresses)):
        print(address)
    return 0


if __name__ == "__main__":
    sys.exit(main())
