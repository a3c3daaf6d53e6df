; Inno Setup script: the Windows installer for decisionaid.
;
; Built on Windows (Inno Setup 6) from the one-folder bundle that `pyinstaller build.spec`
; leaves in dist\decisionaid, from the repository's top folder:
;
;     pyinstaller --noconfirm build.spec
;     iscc /DAppVersion=0.1.0 packaging\windows\decisionaid.iss
;
; which writes dist\decisionaid-0.1.0-windows-setup.exe. The CI workflow
; (.github/workflows/installers.yml) does exactly this. It installs for all users in
; Program Files, or for the current user alone when started without administrator rights.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\decisionaid.iss
#endif

[Setup]
; Never change AppId: it is how Windows knows a new version replaces the old one.
AppId={{7B0E3F52-8C1D-4E59-9A57-2D6C1A4F0B93}
AppName=Ketamine for PTSD
AppVersion={#AppVersion}
AppVerName=Ketamine for PTSD {#AppVersion}
AppPublisher=The decisionaid project
AppComments=What to know and what to ask about ketamine treatment for PTSD. Offline; keeps nothing.
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\decisionaid
DefaultGroupName=Ketamine for PTSD
DisableProgramGroupPage=yes
LicenseFile=..\..\LICENSE
OutputDir=..\..\dist
OutputBaseFilename=decisionaid-{#AppVersion}-windows-setup
SetupIconFile=decisionaid.ico
UninstallDisplayIcon={app}\decisionaid.exe
UninstallDisplayName=Ketamine for PTSD
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
; The app keeps nothing, so an uninstall that leaves no trace needs nothing more than this.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\decisionaid\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Ketamine for PTSD"; Filename: "{app}\decisionaid.exe"; Comment: "An offline decision aid"
Name: "{autoprograms}\Ketamine for PTSD (counsellor mode)"; Filename: "{app}\decisionaid.exe"; Parameters: "--counsellor"
Name: "{autodesktop}\Ketamine for PTSD"; Filename: "{app}\decisionaid.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\decisionaid.exe"; Description: "{cm:LaunchProgram,Ketamine for PTSD}"; Flags: nowait postinstall skipifsilent
