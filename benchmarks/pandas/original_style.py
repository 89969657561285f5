#!/usr/bin/python3
"""The pandas peer, written the way the 2016 notebooks were (sgmap/mes-aides-analytics, clean_data.ipynb and
stats_descr.ipynb): load every document into memory, flatten with json_normalize, explode the individuals and
the answers, filter with boolean masks, count with groupby / value_counts / resample.

It computes the report's housing, daily and département tables with the library's rules (rejections, the
cleaning rules in order, Paris dates, commune by INSEE code then by postal code), for the documents that the
sample generator writes (JSON lines, gzip or not). Run with Debian's python3 and python3-pandas.

usage: original_style.py INPUT.jsonl[.gz] OUT_DIR REFERENCE_DIR
"""
import gzip
import json
import os
import sys
import time

import pandas as pd

TEST_STATUSES = ["test", "demo", "investigation"]
TEST_COMMUNES = ["55039", "55050", "55139", "55189", "55239", "55307"]
CATEGORIES = ["Locataire", "Propriétaire", "Hébergé", "Sans domicile"]


def code(s):
    s = s.astype("string").str.strip()
    s = s.mask(s.str.fullmatch(r"[0-9]{4}").fillna(False), "0" + s)
    return s.mask(s == "")


def paris_day(instants):
    return instants.dt.tz_convert("Europe/Paris").dt.tz_localize(None).dt.normalize()


def col(df, name):
    return df[name] if name in df.columns else pd.Series(pd.NA, index=df.index, dtype="object")


def main():
    path, out, reference = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(out, exist_ok=True)
    started = time.time()

    # clean_data.ipynb: every document in memory, then one flat table.
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    data = pd.json_normalize(records)
    del records
    data["ordinal"] = range(len(data))
    data["id"] = data["_id.$oid"]
    data["format"] = "A"
    data.loc[data["menage.code_postal"].notna() | col(data, "menage.statut_occupation_logement").notna() | col(data, "menage.depcom").notna(), "format"] = "B"
    data.loc[data["answers.all"].notna(), "format"] = "C"

    # Rejections: a date of value that is not a date, a rent that is not a number.
    data["instant"] = pd.to_datetime(data["dateDeValeur.$date"], utc=True, errors="coerce")
    loyer_raw = col(data, "logement.loyer").combine_first(col(data, "menage.loyer"))
    loyer_num = pd.to_numeric(loyer_raw, errors="coerce")
    rejected = (data["instant"].isna()) | (loyer_raw.notna() & loyer_num.isna())
    data = data.loc[~rejected].copy()
    data["day"] = paris_day(data["instant"])

    # Answers (format C): one row per answer.
    answers = data.loc[data["format"] == "C", ["id", "ordinal", "answers.all"]].explode("answers.all")
    flat = pd.json_normalize(answers["answers.all"].tolist(), max_level=1)
    flat["ordinal"] = answers["ordinal"].to_numpy()
    menage = flat.loc[flat["entityName"] == "menage"]
    per_c = pd.DataFrame(index=data.loc[data["format"] == "C", "ordinal"])
    per_c["category_raw"] = menage.loc[menage["fieldName"] == "_logementType"].groupby("ordinal")["value"].first()
    depcom = menage.loc[menage["fieldName"] == "depcom"].groupby("ordinal").first()
    per_c["insee"] = depcom["value.depcom"]
    per_c["postal"] = depcom["value._codePostal"]
    per_c["loyer"] = menage.loc[menage["fieldName"] == "loyer"].groupby("ordinal")["value.loyer"].first()
    data = data.merge(per_c, left_on="ordinal", right_index=True, how="left")

    # Individuals: A and B store them, C answers for them.
    individus = data.loc[data["format"] != "C", ["ordinal", "day", "individus"]].explode("individus").dropna(subset=["individus"])
    people = pd.json_normalize(individus["individus"].tolist(), max_level=0)
    people["ordinal"] = individus["ordinal"].to_numpy()
    people["day"] = individus["day"].to_numpy()
    born_a = col(people, "dateDeNaissance").map(lambda v: v.get("$date") if isinstance(v, dict) else None)
    millis = born_a.map(lambda v: v.get("$numberLong") if isinstance(v, dict) else None)
    iso = born_a.map(lambda v: v if isinstance(v, str) else None)
    instants = pd.to_datetime(iso, utc=True, errors="coerce").fillna(
        pd.to_datetime(pd.to_numeric(millis, errors="coerce"), unit="ms", utc=True))
    birth = paris_day(instants).fillna(pd.to_datetime(col(people, "date_naissance"), errors="coerce", format="%Y-%m-%d"))
    people = people[["ordinal", "day"]].assign(birth=birth, age=float("nan"))
    answers_people = flat.loc[(flat["entityName"] == "individu") & flat["fieldName"].isin(["date_naissance", "age"])].copy()
    answers_people = answers_people.merge(data[["ordinal", "day"]], on="ordinal")
    is_birth = answers_people["fieldName"] == "date_naissance"
    answers_people["birth"] = pd.to_datetime(answers_people["value"].where(is_birth), errors="coerce", format="%Y-%m-%d")
    answers_people["age"] = pd.to_numeric(answers_people["value"].where(~is_birth), errors="coerce").apply(lambda a: a // 1)
    people = pd.concat([people, answers_people[["ordinal", "day", "birth", "age"]]], ignore_index=True)

    # stats_descr.ipynb: ages, the 120-year rule, the testers' birth date.
    b, d = people["birth"], people["day"]
    before_birthday = (d.dt.month < b.dt.month) | ((d.dt.month == b.dt.month) & (d.dt.day < b.dt.day))
    people["age"] = (d.dt.year - b.dt.year - before_birthday.astype(int)).where(b.notna(), people["age"])
    people["implausible"] = (people["age"] > 120) | (people["age"] < 0) | (b > d)
    people["test_birth"] = b == pd.Timestamp("2012-12-12")
    flags = people.groupby("ordinal")[["implausible", "test_birth"]].any()
    data = data.merge(flags, left_on="ordinal", right_index=True, how="left")

    # Housing, rent, codes, whatever the format.
    data["loyer"] = pd.to_numeric(col(data, "logement.loyer").combine_first(col(data, "menage.loyer")), errors="coerce").combine_first(data["loyer"])
    data["postal"] = code(col(data, "logement.adresse.codePostal").combine_first(col(data, "logement.codePostal"))
                          .combine_first(col(data, "menage.code_postal")).combine_first(data["postal"]))
    data["insee"] = code(col(data, "logement.adresse.codeInsee").combine_first(col(data, "menage.depcom")).combine_first(data["insee"]))
    legacy = {"locataire": "Locataire", "proprietaire": "Propriétaire", "heberge": "Hébergé", "gratuit": "Hébergé", "payant": "Hébergé", "sansDomicile": "Sans domicile"}
    openfisca = {"locataire_vide": "Locataire", "locataire_hlm": "Locataire", "locataire_meuble": "Locataire", "locataire_foyer": "Locataire", "locataire": "Locataire",
                 "proprietaire": "Propriétaire", "primo_accedant": "Propriétaire", "loge_gratuitement": "Hébergé", "sans_domicile": "Sans domicile"}
    data["category"] = col(data, "logement.type").map(legacy).combine_first(col(data, "menage.statut_occupation_logement").map(openfisca)).combine_first(data["category_raw"].map(legacy))

    # clean_table.py: the filters, as boolean masks (duplicates first: the first document with an id is kept).
    data = data.drop_duplicates(subset=["id"], keep="first")
    keep = ~data["status"].isin(TEST_STATUSES)
    keep &= col(data, "modifiedFrom").fillna("") == ""
    keep &= ~data["implausible"].fillna(False).astype(bool)
    keep &= ~data["test_birth"].fillna(False).astype(bool)
    keep &= ~((data["loyer"] == 123) | (data["postal"] == "12345"))
    keep &= ~data["insee"].isin(TEST_COMMUNES)
    keep &= data["day"] >= pd.Timestamp("2015-01-01")
    kept = data.loc[keep]

    # The seed's donut: value_counts of the housing type.
    housing = kept["category"].fillna("Inconnu").value_counts().reindex(CATEGORIES + ["Inconnu"], fill_value=0)
    housing.rename_axis("category").rename("situations").to_csv(f"{out}/housing.csv")

    # The time series: resample('1d') of simulations.
    daily = kept.assign(temp=1).set_index("day")["temp"].resample("1D").sum()
    daily.index = daily.index.strftime("%Y-%m-%d")
    daily.rename_axis("date").rename("situations").to_csv(f"{out}/daily.csv")

    # plot_CP.ipynb: INSEE code (old codes to today's), else the postal code's most populous commune.
    communes = pd.read_csv(f"{reference}/communes.csv", dtype=str)
    communes["population"] = pd.to_numeric(communes["population"]).fillna(0)
    aliases = pd.read_csv(f"{reference}/commune_aliases.csv", dtype=str)
    departements = pd.read_csv(f"{reference}/departements.csv", dtype=str)
    postal = communes.assign(postal=communes["postal_codes"].fillna("").str.split(" ")).explode("postal")
    postal = postal.loc[postal["postal"] != ""].sort_values(["postal", "population", "insee"], ascending=[True, False, True]).groupby("postal").first()
    known = set(communes["insee"])
    alias = dict(zip(aliases["code"], aliases["insee"]))
    commune = kept["insee"].where(kept["insee"].isin(known)).combine_first(kept["insee"].map(alias))
    commune = commune.where(commune.isin(known)).combine_first(kept["postal"].map(postal["insee"]))
    by_departement = commune.map(communes.set_index("insee")["departement"]).value_counts()
    by_departement = by_departement.reindex(departements["departement"], fill_value=0)
    by_departement.rename_axis("departement").rename("situations").to_csv(f"{out}/departements.csv")

    print(f"pandas {time.time() - started:.2f} s, {len(kept)} situations kept")


if __name__ == "__main__":
    main()
