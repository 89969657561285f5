namespace MesAides.Analytics.Reports;

/// <summary>The report's own words in French (default) and English. Chart titles stay French.</summary>
internal sealed class ReportText(string language)
{
    private readonly bool _en = language == "en";

    private string T(string fr, string en) => _en ? en : fr;

    public string Lang => _en ? "en" : "fr";

    public string Title => T("Qui utilise Mes Aides ?", "Who uses Mes Aides?");

    public string SampleWarning => T(
        "Données : échantillon synthétique intégré — généré, ce ne sont pas de vrais usagers.",
        "Data: embedded synthetic sample — generated, not real users.");

    public string Source => T("Source", "Source");

    public string Period => T("Période", "Period");

    public string ComparedWith => T("comparée à", "compared with");

    public string Headlines => T("Chiffres clés", "Headline figures");

    public string Change => T("évolution", "change");

    public string Audit => T("Données lues, rejetées, retirées", "Data read, rejected, removed");

    public string AuditIntro => T(
        "Chaque document lu est soit rejeté (illisible), soit retiré par une règle de nettoyage (données de test), soit hors période, soit analysé : le total se réconcilie.",
        "Every document read is rejected (unreadable), removed by a cleaning rule (test data), outside the period, or analysed: the total reconciles.");

    public string Geography => T("Où vivent les usagers", "Where users live");

    public string GeographyIntro => T(
        "Communes retrouvées par le code INSEE, sinon par le code postal (la commune la plus peuplée quand le code postal en couvre plusieurs).",
        "Communes found from the INSEE code, else from the postal code (the most populous commune when the postal code covers several).");

    public string Housing => T("Logement", "Housing");

    public string Resources => T("Ressources déclarées", "Declared resources");

    public string ResourcesIntro => T(
        "Individus ayant déclaré au moins un montant non nul d'un type de ressource sur les 12 mois précédant la simulation.",
        "Individuals who declared at least one non-zero amount of a resource type in the 12 months before the simulation.");

    public string Income => T("Revenus du foyer", "Household income");

    public string IncomeIntro => T(
        "Somme des ressources mensuelles de tous les membres du foyer sur les 12 mois précédant la simulation (hors déclarations fiscales annuelles).",
        "Sum of the monthly resources of every member over the 12 months before the simulation (annual tax declarations excluded).");

    public string Ages => T("Âges et composition des foyers", "Ages and households");

    public string Time => T("Usage dans le temps", "Use over time");

    public string QuestionOrder => T("Ordre des questions", "Question order");

    public string Quality => T("Qualité des données", "Data quality");

    public string Correlation => T("Usage et revenu médian des communes (INSEE Filosofi)", "Use and median income of communes (INSEE Filosofi)");

    public string CorrelationMissing => T("corrélation avec le revenu médian (donner --filosofi)", "correlation with median income (pass --filosofi)");

    public string Visits => T("Simulations et visites du site", "Simulations and site visits");

    public string VisitsMissing => T("comparaison avec les visites (donner --visits)", "comparison with visits (pass --visits)");

    public string QuestionOrderIntro => T(
        "Position moyenne de la réponse choisie si les options sont présentées dans l'ordre du formulaire ou par fréquence décroissante : l'écart est le nombre d'options lues en moins, par situation.",
        "Mean position of the chosen answer when options are shown in the form's order or by decreasing frequency: the difference is the options read less per situation.");

    public string TooSmallForChart(int minCell) => T(
        $"Certains effectifs de ce graphique sont inférieurs à {minCell} : il n'est pas publié (tables complètes avec --min-cell 0, usage interne).",
        $"Some counts of this chart are below {minCell}: it is not published (full tables with --min-cell 0, internal use).");

    public string Method => T("Méthode et définitions", "Method and definitions");

    public string Sources => T("Sources et licences", "Sources and licences");

    public string Suppressed(int minCell) => T(
        $"Secret statistique : les effectifs de 1 à {minCell - 1} sont masqués (« <{minCell} »), ainsi que les parts qui en découlent.",
        $"Statistical secrecy: counts from 1 to {minCell - 1} are hidden (\"<{minCell}\"), and so are the shares computed from them.");

    public string NoSuppression => T("Secret statistique désactivé (--min-cell 0) : usage interne seulement.", "Statistical secrecy off (--min-cell 0): internal use only.");

    public string FullTable(string file, int shown, int total) => T(
        $"{shown} premières lignes sur {total:N0} ; table complète : tables/{file}.csv",
        $"First {shown} rows of {total:N0}; full table: tables/{file}.csv");

    public string NotComputed(string what) => T($"Non calculé : {what}.", $"Not computed: {what}.");
}
