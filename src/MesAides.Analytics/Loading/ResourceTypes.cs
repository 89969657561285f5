using System.Collections.Frozen;

namespace MesAides.Analytics.Loading;

/// <summary>
/// One mapping table from the resource type names stored over the years to today's (OpenFisca) names,
/// so that a type is counted once whatever the generation of the document. Sources: mes-aides-api
/// <c>ressourceTypes</c> (2016), its 2017 renames, and the A→B migration of mes-aides-ui.
/// </summary>
public static class ResourceTypes
{
    /// <summary>Legacy name → current name. Names absent from the table are kept as stored.</summary>
    public static FrozenDictionary<string, string> LegacyToCurrent { get; } = new Dictionary<string, string>
    {
        // Activity
        ["revenusSalarie"] = "salaire_net",
        ["salaire_net_hors_revenus_exceptionnels"] = "salaire_net",
        ["revenusStageFormationPro"] = "revenus_stage_formation_pro",
        ["revenusStage"] = "remuneration_stage",
        ["stage"] = "remuneration_stage",
        // Replacement incomes
        ["allocationsChomage"] = "chomage_net",
        ["allocationRetourEmploi"] = "chomage_net",
        ["allocationSecurisationPro"] = "allocation_securisation_professionnelle",
        ["primeRepriseActivite"] = "prime_reprise_activite",
        ["pensionsRetraitesRentes"] = "retraite_nette",
        ["retraiteCombattant"] = "retraite_combattant",
        ["pensionsInvalidite"] = "pensions_invalidite",
        // Benefits
        ["aideLogement"] = "aide_logement",
        ["allocationLogement"] = "aide_logement",
        ["allocationsFamiliales"] = "af",
        ["paje"] = "paje_base",
        // Daily allowances
        ["indJourMaternite"] = "indemnites_journalieres_maternite",
        ["indJourMaladie"] = "indemnites_journalieres_maladie",
        ["indJourMaladieProf"] = "indemnites_journalieres_maladie_professionnelle",
        ["indJourAccidentDuTravail"] = "indemnites_journalieres_accident_travail",
        ["indChomagePartiel"] = "indemnites_chomage_partiel",
        ["indVolontariat"] = "indemnites_volontariat",
        ["dedommagementAmiante"] = "dedommagement_victime_amiante",
        // Pensions
        ["pensionsAlimentaires"] = "pensions_alimentaires_percues",
        ["pensionsAlimentairesVersees"] = "pensions_alimentaires_versees_individu",
        ["prestationCompensatoire"] = "prestation_compensatoire",
        // Other
        ["bourseEnseignementSup"] = "bourse_enseignement_sup",
        ["bourseRecherche"] = "bourse_recherche",
        ["gainsExceptionnels"] = "gains_exceptionnels",
        ["revenusLocatifs"] = "revenus_locatifs",
        ["revenusDuCapital"] = "revenus_capital",
        // Self-employed
        ["caAutoEntrepreneur"] = "tns_auto_entrepreneur_chiffre_affaires",
        ["revenusAutoEntrepreneur"] = "tns_auto_entrepreneur_chiffre_affaires",
        ["caMicroEntreprise"] = "tns_micro_entreprise_chiffre_affaires",
        ["autresRevenusTns"] = "tns_autres_revenus",
        ["revenusNonSalarie"] = "tns_autres_revenus",
        ["caAutresRevenusTns"] = "tns_autres_revenus_chiffre_affaires",
        ["revenusAgricolesTns"] = "tns_benefice_exploitant_agricole",
        // Fiscal year-2 declarations (kept apart as fiscal amounts)
        ["rncRevenusActivite"] = "salaire_imposable",
        ["salaire_imposable_ym2"] = "salaire_imposable",
        ["rncAutresRevenus"] = "chomage_imposable",
        ["rncPensionsRetraitesRentes"] = "retraite_imposable",
        ["rncPensionsAlimentaires"] = "pensions_alimentaires_percues",
        ["rncPensionsAlimentairesVersees"] = "pensions_alimentaires_versees",
        ["fraisReelsDeductibles"] = "frais_reels",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The harmonised name of a stored type (the same string instance for known names).</summary>
    public static string Harmonise(string stored) =>
        LegacyToCurrent.TryGetValue(stored, out var current) ? current : stored;

    /// <summary>Any <c>rnc*</c> type is a fiscal (year-2) declaration, whatever its period.</summary>
    public static bool IsFiscal(string stored) =>
        stored.StartsWith("rnc", StringComparison.Ordinal) || stored == "fraisReelsDeductibles"
        || stored.EndsWith("_ym2", StringComparison.Ordinal);
}
