#!/usr/bin/env python3
"""Writes a lead CSV for bench/import.sh: ROWS rows, of which DUPLICATES (a share, default 0.05)
repeat an earlier row's email in another letter case (the rest of the row new), the others unique.
    python3 bench/import-file.py 1000000 0.05 > leads.csv
The same arguments always give the same file (a fixed seed)."""
import random
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
share = float(sys.argv[2]) if len(sys.argv) > 2 else 0.05
rng = random.Random(13)
first = ["Ada", "Grace", "Linus", "Margaret", "Alan", "Barbara", "Dennis", "Frances", "Ken", "Radia"]
last = ["Lovelace", "Hopper", "Torvalds", "Hamilton", "Turing", "Liskov", "Ritchie", "Allen", "Thompson", "Perlman"]
companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka", "Tyrell", "Cyberdyne"]
titles = ["CTO", "Head of Marketing", "Buyer", "Engineer", "Founder", "Analyst"]
countries = ["US", "DE", "FR", "GB", "NL", "ES"]


def other_case(email):
    """The same email with some letters' case flipped (never the same string)."""
    chars = list(email)
    letters = [i for i, c in enumerate(chars) if c.isalpha()]
    for i in rng.sample(letters, max(1, len(letters) // 3)):
        chars[i] = chars[i].swapcase()
    flipped = "".join(chars)
    return flipped if flipped != email else email.upper()


out = sys.stdout
out.write("email,first_name,last_name,company,title,phone,country\n")
duplicates = int(rows * share)
# which rows repeat an earlier one: spread over the file, never the first
repeat = set(rng.sample(range(1, rows), duplicates)) if duplicates else set()
emails = []
for n in range(rows):
    if n in repeat:
        email = other_case(emails[rng.randrange(len(emails))])
    else:
        email = f"lead{n}.{rng.randrange(1_000_000)}@bench{n % 997}.example.com"
        emails.append(email)
    f, l = rng.choice(first), rng.choice(last)
    out.write(f"{email},{f},{l},{rng.choice(companies)} {n % 5000},{rng.choice(titles)},"
              f"+1 650 {rng.randrange(200, 999)} {rng.randrange(1000, 9999)},{rng.choice(countries)}\n")
