namespace MesAides.Analytics.Model;

/// <summary>The three generations of stored situation documents.</summary>
public enum StorageFormat
{
    /// <summary>Legacy 2014–2017: <c>individus[].ressources[]</c>, <c>logement.adresse</c>.</summary>
    A,

    /// <summary>OpenFisca-style 2017–2021: <c>menage</c>, <c>foyer_fiscal</c>, period-keyed values.</summary>
    B,

    /// <summary>Answers list 2021+: <c>answers.all[] = {entityName, fieldName, id, value}</c>.</summary>
    C,
}
