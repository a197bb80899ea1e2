module "aks" {
    source = "../modules/aks"

    location = "westeurope"
}
